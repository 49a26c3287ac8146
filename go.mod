module github.com/secdesk/secdesk

go 1.26.8

require (
	fyne.io/fyne/v2 v2.7.1
	github.com/google/uuid v1.6.0
	golang.org/x/text v0.44.0
)

require (
	github.com/jeandeaual/go-locale v0.0.0-20250612000132-0ef82f21eade // indirect
	github.com/nicksnyder/go-i18n/v2 v2.5.1 // indirect
	golang.org/x/image v0.44.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)

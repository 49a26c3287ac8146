package store

import "errors"

// Errors of a shared database server (store/postgres), tested for with
// errors.Is. Like the errors in errors.go their text is the Chinese a
// clerk sees, and it says what to do: most of them are for the clerk's
// administrator, not for the clerk. An engine wraps them around the
// driver's error, with the server's detail (never a password) after it.
var (
	ErrServerUnreachable = errors.New("无法连接数据库服务器，请检查网络和服务器地址，或联系管理员")
	ErrServerAuth        = errors.New("数据库服务器拒绝登录：用户名或密码不正确，请核对后重试，或联系管理员")
	ErrServerNoDatabase  = errors.New("数据库服务器上没有这个数据库，请核对数据库名称，或联系管理员创建")
	ErrServerPermission  = errors.New("数据库用户没有所需的权限，请联系管理员授权")
	ErrServerAddress     = errors.New("数据库地址格式不正确，请核对后重试（例如 postgres://用户名@服务器/数据库）")
)

// PlaceError says which data an error is about: a server's database as
// "user@host/db", never with a password. The window and the command line
// show the place after the message, so the administrator knows which
// server or database to look at.
type PlaceError struct {
	Place string
	Err   error
}

func (e *PlaceError) Error() string { return e.Err.Error() + "（" + e.Place + "）" }
func (e *PlaceError) Unwrap() error { return e.Err }

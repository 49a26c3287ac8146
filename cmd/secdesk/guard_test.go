package main

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"
)

// glfwError stands in for *glfw.Error, whose panics guardWindow turns into text.
type glfwError struct{}

func (glfwError) Error() string { return "NotInitialized: The GLFW library is not initialized" }

// TestGuardWindowPanic: what Wine without a display gives (glfw.Init logs a
// platform error, then the next GLFW call panics): a Chinese explanation
// with the technical lines, exit status 1, and no panic.
func TestGuardWindowPanic(t *testing.T) {
	var out bytes.Buffer
	defer log.SetOutput(log.Writer())
	log.SetOutput(&out)
	err := guardWindow(func() {
		log.Println("PlatformError: Win32: Failed to create helper window: Resource type not found.")
		panic(glfwError{})
	})
	var f *failure
	if !errors.As(err, &f) {
		t.Fatalf("guardWindow = %v, want a *failure", err)
	}
	for _, want := range []string{"无法打开程序窗口", "OpenGL", "Failed to create helper window", "NotInitialized"} {
		if !strings.Contains(f.text, want) {
			t.Errorf("message lacks %q:\n%s", want, f.text)
		}
	}
	if !strings.Contains(out.String(), "Failed to create helper window") {
		t.Errorf("the log line did not pass through: %q", out.String())
	}
	if log.Writer() != &out {
		t.Error("guardWindow did not put the logger back")
	}
}

// TestGuardWindowCreateFails: Fyne's "window creation error" is followed by
// os.Exit(1), so the explanation must be written when its last log line comes.
func TestGuardWindowCreateFails(t *testing.T) {
	var out bytes.Buffer
	defer log.SetOutput(log.Writer())
	log.SetOutput(&out)
	err := guardWindow(func() {
		log.Println("Fyne error: ", "window creation error")
		log.Println("  Cause:", "VersionUnavailable: WGL: The driver does not appear to support OpenGL")
		if strings.Contains(out.String(), "无法打开程序窗口") {
			t.Error("explained before Fyne's last line")
		}
		log.Printf("  At: %s:%d", "window_desktop.go", 760)
		if !strings.Contains(out.String(), "无法打开程序窗口") || !strings.Contains(out.String(), "WGL: The driver") {
			t.Errorf("no explanation on stderr before the exit:\n%s", out.String())
		}
	})
	if err == nil {
		t.Error("guardWindow = nil after a window creation error")
	}
}

// TestGuardWindowOtherPanic: a panic that is not the driver's is still
// explained, as a program error.
func TestGuardWindowOtherPanic(t *testing.T) {
	defer log.SetOutput(log.Writer())
	log.SetOutput(&bytes.Buffer{})
	err := guardWindow(func() { panic("index out of range") })
	if err == nil || !strings.Contains(err.Error(), "程序出错") || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("guardWindow = %v", err)
	}
	if err := guardWindow(func() {}); err != nil {
		t.Errorf("guardWindow of a clean run = %v", err)
	}
}

//go:build unix

package members

import (
	"syscall"
	"time"
)

// cpuNow is the CPU time of the whole process (every thread: the
// inline UI work, the GC's workers, the store).
func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

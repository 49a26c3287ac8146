//go:build !unix

package members

import "time"

// cpuNow: no getrusage here (Windows); the benchmark's CPU figure reads 0.
func cpuNow() time.Duration { return 0 }

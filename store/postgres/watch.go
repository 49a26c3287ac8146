package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"

	"github.com/secdesk/secdesk/store"
)

// channel is the LISTEN/NOTIFY channel of the change notices.
const channel = "secdesk_changes"

// note is a change notice as sent with pg_notify: short keys, because a
// payload is limited to 8000 bytes.
type note struct {
	Kind    store.Kind `json:"k"`
	ID      uuid.UUID  `json:"r"`
	By      string     `json:"b,omitempty"`
	Session uuid.UUID  `json:"s"`
}

// maxBy bounds the clerk@PC of a notice, far below the payload limit.
const maxBy = 1000

func encodeNote(c store.Change) string {
	by := c.By
	if len(by) > maxBy {
		by = by[:maxBy]
	}
	data, _ := json.Marshal(note{Kind: c.Kind, ID: c.RecordID, By: by, Session: c.Session})
	return string(data)
}

func decodeNote(payload string) (store.Change, bool) {
	var n note
	if err := json.Unmarshal([]byte(payload), &n); err != nil || n.Kind == "" {
		return store.Change{}, false
	}
	return store.Change{Kind: n.Kind, RecordID: n.ID, By: n.By, Session: n.Session}, true
}

// Reload is the change Watch delivers when it may have missed some (its
// connection was lost, or the reader fell far behind): the data set as a
// whole may have changed, so a window reloads what it shows.
var Reload = store.Change{Kind: store.KindData}

// Watch time and size limits.
const (
	// watchIdle is how long Watch waits for a notice before it checks
	// that its connection still works (a cable pulled sends no reset).
	watchIdle = 30 * time.Second
	// maxPending notices are kept for a reader that is behind; beyond,
	// they are replaced by one Reload.
	maxPending = 10000
	// Reconnection backoff.
	backoffMin = 500 * time.Millisecond
	backoffMax = 30 * time.Second
)

// Watch listens on a connection of its own and delivers every change
// committed on the database — this program's own too; store.New's Watch
// drops those by session — until ctx ends or the engine is closed, then
// closes the channel. A lost connection is made again with a growing
// pause, then Reload is delivered. The connection is always read, however
// slow the reader of the channel: notices wait in memory (so the server's
// notice queue, which every writer shares, never fills up because of one
// clerk).
func (e *Engine) Watch(ctx context.Context) (<-chan store.Change, error) {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-e.closed:
		case <-ctx.Done():
		}
		cancel()
	}()
	conn, err := e.listen(ctx)
	if err != nil {
		cancel()
		return nil, err
	}
	out := make(chan store.Change, 64)
	q := &noticeQueue{wake: make(chan struct{}, 1)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.receive(ctx, conn, q)
	}()
	go func() {
		defer close(out)
		q.deliver(ctx, done, out)
	}()
	return out, nil
}

// listen opens the notice connection. It does not cancel a wait with a
// cancel request (a second connection to the server each time) but with
// a deadline, which keeps the connection usable.
func (e *Engine) listen(ctx context.Context) (*pgx.Conn, error) {
	cfg := e.pool.Config().ConnConfig.Copy()
	cfg.BuildContextWatcherHandler = func(pc *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.DeadlineContextWatcherHandler{Conn: pc.Conn()}
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, e.secrets.wrapErr(err)
	}
	if _, err := conn.Exec(ctx, `LISTEN `+channel); err != nil {
		conn.Close(context.Background())
		return nil, e.secrets.wrapErr(err)
	}
	return conn, nil
}

// receive reads notices until ctx ends, making the connection again
// when it is lost.
func (e *Engine) receive(ctx context.Context, conn *pgx.Conn, q *noticeQueue) {
	defer func() {
		if conn != nil {
			conn.Close(context.Background())
		}
	}()
	for ctx.Err() == nil {
		wctx, cancel := context.WithTimeout(ctx, watchIdle)
		n, err := conn.WaitForNotification(wctx)
		cancel()
		switch {
		case err == nil:
			if c, ok := decodeNote(n.Payload); ok {
				q.push(c)
			}
			continue
		case ctx.Err() != nil:
			return
		case errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err):
			// Quiet: make sure the connection is still there.
			pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err = conn.Ping(pctx)
			cancel()
			if err == nil || ctx.Err() != nil {
				continue
			}
		}
		e.opt.Logf("secdesk: 数据库变更通知连接中断（%s）: %v，正在重新连接", e.desc, e.secrets.wrapErr(err))
		conn.Close(context.Background())
		conn = e.reconnect(ctx)
		if conn == nil {
			return
		}
		e.opt.Logf("secdesk: 数据库变更通知已重新连接（%s）", e.desc)
		q.push(Reload)
	}
}

// reconnect makes the notice connection again, waiting longer after each
// failure; nil when ctx ends first.
func (e *Engine) reconnect(ctx context.Context) *pgx.Conn {
	wait := backoffMin
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		conn, err := e.listen(ctx)
		if err == nil {
			return conn
		}
		if ctx.Err() != nil {
			return nil
		}
		wait = min(2*wait, backoffMax)
	}
}

// noticeQueue is the queue between the connection and the reader.
type noticeQueue struct {
	mu   sync.Mutex
	q    []store.Change
	wake chan struct{}
}

func (p *noticeQueue) push(c store.Change) {
	p.mu.Lock()
	if len(p.q) >= maxPending {
		p.q = append(p.q[:0], Reload)
	}
	p.q = append(p.q, c)
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

func (p *noticeQueue) pop() (store.Change, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.q) == 0 {
		return store.Change{}, false
	}
	c := p.q[0]
	p.q = p.q[1:]
	if len(p.q) == 0 {
		p.q = nil // let the array go
	}
	return c, true
}

// deliver sends the queued notices to out until ctx ends or the receiver
// stops and the queue is empty.
func (p *noticeQueue) deliver(ctx context.Context, done <-chan struct{}, out chan<- store.Change) {
	for {
		c, ok := p.pop()
		if !ok {
			select {
			case <-p.wake:
				continue
			case <-done:
				if c, ok = p.pop(); !ok {
					return
				}
			case <-ctx.Done():
				return
			}
		}
		select {
		case out <- c:
		case <-ctx.Done():
			return
		}
	}
}

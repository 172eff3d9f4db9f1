package dev

import (
	"encoding/json"
	"slices"
	"sync"

	"github.com/opengov-fi/opengov/internal/diag"
)

// event is one Server-Sent Event to the browser tabs.
type event struct {
	Type    string            `json:"type"` // reload, css, error, warnings, ok
	Version int               `json:"version,omitempty"`
	CSS     map[string]string `json:"css,omitempty"`    // old stylesheet URL -> new
	Errors  diag.List         `json:"errors,omitempty"` // with their excerpts
	// Warnings are opengov check's findings on the build served; a
	// "warnings" event brings them after each build, an "ok" one to a tab
	// that connects.
	Warnings diag.List `json:"warnings,omitempty"`
}

func (e event) encode() []byte {
	data, _ := json.Marshal(e)
	return data
}

// hub fans events out to the connected browser tabs, and knows which page
// each shows.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]string // the output path of the tab's page, or ""
}

func newHub() *hub { return &hub{clients: map[chan []byte]string{}} }

// subscribe adds a tab that shows the page at output path page ("" when
// it is not known).
func (h *hub) subscribe(page string) chan []byte {
	ch := make(chan []byte, 16)
	h.mu.Lock()
	h.clients[ch] = page
	h.mu.Unlock()
	return ch
}

// pages returns the output paths of the pages the tabs show, each once.
func (h *hub) pages() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, p := range h.clients {
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func (h *hub) unsubscribe(ch chan []byte) {
	h.mu.Lock()
	delete(h.clients, ch)
	h.mu.Unlock()
}

// publish sends msg to every tab; a tab too slow to take it misses it and
// catches up from the status it is sent when it reconnects.
func (h *hub) publish(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- msg:
		default:
		}
	}
}

// count is the number of connected tabs.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

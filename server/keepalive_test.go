package main

import (
	"net"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestKeepaliveEnforcement: a client that pings more often than the
// enforcement policy allows (every 10 s at most) is sent GOAWAY
// ENHANCE_YOUR_CALM and disconnected; the server serves on.
func TestKeepaliveEnforcement(t *testing.T) {
	ts := mustStart(t, nil)
	conn, err := net.Dial("tcp", ts.GRPCAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := conn.Write([]byte(http2.ClientPreface)); err != nil {
		t.Fatal(err)
	}
	fr := http2.NewFramer(conn, conn)
	if err := fr.WriteSettings(); err != nil {
		t.Fatal(err)
	}
	var wmu sync.Mutex // the framer's writes are not safe for concurrent use
	go func() {
		for i := range 20 {
			wmu.Lock()
			err := fr.WritePing(false, [8]byte{byte(i)})
			wmu.Unlock()
			if err != nil {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	for {
		f, err := fr.ReadFrame()
		if err != nil {
			t.Fatalf("connection ended without GOAWAY: %v", err)
		}
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() {
				wmu.Lock()
				fr.WriteSettingsAck()
				wmu.Unlock()
			}
		case *http2.GoAwayFrame:
			if f.ErrCode != http2.ErrCodeEnhanceYourCalm {
				t.Fatalf("GOAWAY %v, want ENHANCE_YOUR_CALM", f.ErrCode)
			}
			if string(f.DebugData()) != "too_many_pings" {
				t.Logf("GOAWAY debug data %q", f.DebugData())
			}
			if _, err := ts.client.GetCapabilities(ctxTimeout(t, 5*time.Second), &articlev1.GetCapabilitiesRequest{}); err != nil {
				t.Fatalf("other clients after the GOAWAY: %v", err)
			}
			return
		}
	}
}

package tlsconf

import (
	"crypto/tls"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/tlsconf/tlstest"
)

// writeSelfSigned writes a self-signed certificate valid from notBefore
// to notAfter and its key.
func writeSelfSigned(t *testing.T, dir, name string, notBefore, notAfter time.Time) (certFile, keyFile string) {
	t.Helper()
	certFile, keyFile, err := tlstest.WriteSelfSigned(dir, name, notBefore, notAfter)
	if err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile
}

// TestLoadErrors: bad certificate files fail Load with an error that
// names the file at fault and says what is wrong.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	f, err := tlstest.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "garbage.pem")
	os.WriteFile(garbage, []byte("this is not PEM\n"), 0o600)
	missing := filepath.Join(dir, "missing.pem")
	expired, expiredKey := writeSelfSigned(t, dir, "expired", time.Now().Add(-48*time.Hour), time.Now().Add(-24*time.Hour))
	future, futureKey := writeSelfSigned(t, dir, "future", time.Now().Add(24*time.Hour), time.Now().Add(48*time.Hour))
	tests := []struct {
		name                string
		cert, key, clientCA string
		want                []string // substrings of the error
	}{
		{"no key", f.ServerCert, "", "", []string{"both a certificate and a key"}},
		{"no certificate", "", f.ServerKey, "", []string{"both a certificate and a key"}},
		{"missing certificate", missing, f.ServerKey, "", []string{missing, "no such file"}},
		{"missing key", f.ServerCert, missing, "", []string{missing, "no such file"}},
		{"certificate not PEM", garbage, f.ServerKey, "", []string{garbage, "PEM"}},
		{"key not PEM", f.ServerCert, garbage, "", []string{garbage, "PEM"}},
		{"key of another certificate", f.ServerCert, f.ClientKey, "", []string{f.ServerCert, f.ClientKey, "does not match"}},
		{"key and certificate swapped", f.ServerKey, f.ServerCert, "", []string{f.ServerKey}},
		{"expired certificate", expired, expiredKey, "", []string{expired, "expired on"}},
		{"certificate not valid yet", future, futureKey, "", []string{future, "not valid before"}},
		{"missing client CA", f.ServerCert, f.ServerKey, missing, []string{"client CA", missing}},
		{"client CA not PEM", f.ServerCert, f.ServerKey, garbage, []string{"client CA", "no certificate in " + garbage}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Load(tt.cert, tt.key, tt.clientCA)
			if err == nil {
				t.Fatalf("Load accepted it: %+v", b)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// handshake runs a TLS handshake between server and client configurations
// over an in-memory connection and returns the client's and the server's
// errors.
func handshake(server, client *tls.Config) (cerr, serr error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err, err
	}
	defer lis.Close()
	b, err := net.Dial("tcp", lis.Addr().String())
	if err != nil {
		return err, err
	}
	a, err := lis.Accept()
	if err != nil {
		return err, err
	}
	defer a.Close()
	defer b.Close()
	done := make(chan error, 1)
	go func() {
		s := tls.Server(a, server)
		err := s.Handshake()
		if err == nil {
			// with TLS 1.3 the client's certificate is checked after the
			// client's handshake ends: read to see the server's verdict
			a.SetReadDeadline(time.Now().Add(time.Second))
			s.Read(make([]byte, 1))
		}
		done <- err
		s.Close()
	}()
	c := tls.Client(b, client)
	cerr = c.Handshake()
	if cerr == nil {
		c.Write([]byte("x"))
		b.SetReadDeadline(time.Now().Add(time.Second))
		_, rerr := c.Read(make([]byte, 1))
		if rerr != nil && !strings.Contains(rerr.Error(), "timeout") && !strings.Contains(rerr.Error(), "EOF") {
			cerr = rerr
		}
	}
	c.Close()
	return cerr, <-done
}

// TestLoadTLS: the loopback client pins the server's own certificate.
func TestLoadTLS(t *testing.T) {
	dir := t.TempDir()
	f, err := tlstest.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(f.ServerCert, f.ServerKey, "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Server.ClientAuth != tls.NoClientCert || b.Server.MinVersion < tls.VersionTLS12 {
		t.Errorf("server: client auth %v, min version %x", b.Server.ClientAuth, b.Server.MinVersion)
	}
	if cerr, serr := handshake(b.Server, b.Loopback); cerr != nil || serr != nil {
		t.Errorf("loopback handshake: client %v, server %v", cerr, serr)
	}
	// another server's certificate, even one a trusted CA signed, is not ours
	other, otherKey := writeSelfSigned(t, dir, "other", time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	ob, err := Load(other, otherKey, "")
	if err != nil {
		t.Fatal(err)
	}
	if cerr, _ := handshake(ob.Server, b.Loopback); cerr == nil || !strings.Contains(cerr.Error(), "not this server") {
		t.Errorf("loopback client talking to another server: %v", cerr)
	}
	// an ordinary client verifies the server against its CA
	if cerr, serr := handshake(b.Server, &tls.Config{RootCAs: f.Pool, ServerName: "localhost"}); cerr != nil || serr != nil {
		t.Errorf("client with the CA: client %v, server %v", cerr, serr)
	}
}

// TestLoadMutualTLS: with a client CA every client needs a certificate it
// signed; the gateway's loopback client has one of its own.
func TestLoadMutualTLS(t *testing.T) {
	f, err := tlstest.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(f.ServerCert, f.ServerKey, f.ClientCA)
	if err != nil {
		t.Fatal(err)
	}
	if b.Server.ClientAuth != tls.RequireAndVerifyClientCert || len(b.Loopback.Certificates) != 1 {
		t.Fatalf("client auth %v, loopback certificates %d", b.Server.ClientAuth, len(b.Loopback.Certificates))
	}
	tests := []struct {
		name   string
		client *tls.Config
		ok     bool
	}{
		{"loopback client", b.Loopback, true},
		{"client with a certificate from the client CA", &tls.Config{RootCAs: f.Pool, ServerName: "localhost", Certificates: []tls.Certificate{f.Client}}, true},
		{"client without a certificate", &tls.Config{RootCAs: f.Pool, ServerName: "localhost"}, false},
		{"client with the server's certificate", &tls.Config{RootCAs: f.Pool, ServerName: "localhost", Certificates: b.Server.Certificates}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cerr, serr := handshake(b.Server, tt.client)
			if ok := cerr == nil && serr == nil; ok != tt.ok {
				t.Errorf("handshake ok = %v, want %v (client %v, server %v)", ok, tt.ok, cerr, serr)
			}
		})
	}
}

// Package tlsconf builds the TLS configuration of Lector's listeners from
// certificate files: TLS, or mutual TLS when a client CA is given. The JSON
// gateway dials the gRPC server over loopback through the same TLS; with
// mutual TLS it presents a client certificate from a CA made in memory at
// start-up (its key never leaves the process), and it pins the server's
// own certificate rather than checking a host name.
package tlsconf

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"os"
	"time"
)

// Bundle is the TLS configuration of a server.
type Bundle struct {
	// Server is the configuration of the gRPC and HTTP listeners.
	Server *tls.Config
	// Loopback is the client configuration the gateway dials the gRPC
	// server with.
	Loopback *tls.Config
}

// Load reads the server certificate and key (PEM) and, when clientCAFile
// is set, the CAs whose client certificates are accepted; then every
// client must present one. Its errors name the file at fault; a
// certificate that has expired or is not valid yet is refused.
func Load(certFile, keyFile, clientCAFile string) (*Bundle, error) {
	if certFile == "" || keyFile == "" {
		return nil, errors.New("tls: both a certificate and a key are needed")
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		// name the files: the standard messages do not say which one is wrong
		return nil, fmt.Errorf("tls: certificate %s with key %s: %w", certFile, keyFile, err)
	}
	leaf := cert.Certificate[0]
	x, err := x509.ParseCertificate(leaf)
	if err != nil {
		return nil, fmt.Errorf("tls: certificate %s: %w", certFile, err)
	}
	// every handshake would fail, with an error only the client sees
	if now := time.Now(); now.After(x.NotAfter) {
		return nil, fmt.Errorf("tls: certificate %s expired on %s", certFile, x.NotAfter.UTC().Format(time.RFC3339))
	} else if now.Before(x.NotBefore) {
		return nil, fmt.Errorf("tls: certificate %s is not valid before %s", certFile, x.NotBefore.UTC().Format(time.RFC3339))
	}
	srv := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	loop := &tls.Config{
		MinVersion: tls.VersionTLS12,
		// The server is ourselves: its certificate is pinned instead of
		// verified against a host name that loopback does not have.
		InsecureSkipVerify: true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 || !bytes.Equal(raw[0], leaf) {
				return errors.New("tls: the loopback peer is not this server")
			}
			return nil
		},
	}
	if clientCAFile != "" {
		pem, err := os.ReadFile(clientCAFile)
		if err != nil {
			return nil, fmt.Errorf("tls: client CA: %w", err) // the error names the file
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("tls: client CA: no certificate in %s", clientCAFile)
		}
		caCert, clientCert, err := ephemeralClient()
		if err != nil {
			return nil, err
		}
		pool.AddCert(caCert)
		srv.ClientCAs = pool
		srv.ClientAuth = tls.RequireAndVerifyClientCert
		loop.Certificates = []tls.Certificate{clientCert}
	}
	return &Bundle{Server: srv, Loopback: loop}, nil
}

// ephemeralClient makes a CA and a client certificate it signs, for the
// gateway's loopback connection.
func ephemeralClient() (*x509.Certificate, tls.Certificate, error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "lector gateway loopback CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(10 * 365 * 24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "lector gateway"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	return caCert, tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

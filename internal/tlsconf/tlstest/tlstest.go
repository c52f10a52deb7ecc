// Package tlstest writes certificates for tests: a CA, a server
// certificate for 127.0.0.1 and localhost, and a client certificate.
package tlstest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Files are the PEM files written by Write, and the parsed CA.
type Files struct {
	CA, ServerCert, ServerKey, ClientCA, ClientCert, ClientKey string
	Pool                                                       *x509.CertPool // trusts the server
	Client                                                     tls.Certificate
}

// Write writes the certificates into dir.
func Write(dir string) (*Files, error) {
	f := &Files{
		CA: filepath.Join(dir, "ca.pem"), ServerCert: filepath.Join(dir, "server.pem"), ServerKey: filepath.Join(dir, "server-key.pem"),
		ClientCA: filepath.Join(dir, "client-ca.pem"), ClientCert: filepath.Join(dir, "client.pem"), ClientKey: filepath.Join(dir, "client-key.pem"),
	}
	ca, caKey, caDER, err := newCA("test server CA")
	if err != nil {
		return nil, err
	}
	cca, ccaKey, ccaDER, err := newCA("test client CA")
	if err != nil {
		return nil, err
	}
	srvDER, srvKey, err := leaf(ca, caKey, &x509.Certificate{
		Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	if err != nil {
		return nil, err
	}
	cliDER, cliKey, err := leaf(cca, ccaKey, &x509.Certificate{
		Subject: pkix.Name{CommonName: "test client"}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	})
	if err != nil {
		return nil, err
	}
	if err := writePEM(
		pemFile{f.CA, "CERTIFICATE", caDER}, pemFile{f.ClientCA, "CERTIFICATE", ccaDER},
		pemFile{f.ServerCert, "CERTIFICATE", srvDER}, pemFile{f.ServerKey, "PRIVATE KEY", srvKey},
		pemFile{f.ClientCert, "CERTIFICATE", cliDER}, pemFile{f.ClientKey, "PRIVATE KEY", cliKey},
	); err != nil {
		return nil, err
	}
	f.Pool = x509.NewCertPool()
	f.Pool.AddCert(ca)
	f.Client, err = tls.LoadX509KeyPair(f.ClientCert, f.ClientKey)
	return f, err
}

// WriteSelfSigned writes a self-signed certificate named name, valid from
// notBefore to notAfter, and its key into dir (name.pem, name-key.pem):
// for tests of certificates that are expired or not valid yet.
func WriteSelfSigned(dir, name string, notBefore, notAfter time.Time) (certFile, keyFile string, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return "", "", err
	}
	serial++
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name},
		NotBefore: notBefore, NotAfter: notAfter, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return "", "", err
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return "", "", err
	}
	certFile, keyFile = filepath.Join(dir, name+".pem"), filepath.Join(dir, name+"-key.pem")
	err = writePEM(pemFile{certFile, "CERTIFICATE", der}, pemFile{keyFile, "PRIVATE KEY", kder})
	return certFile, keyFile, err
}

type pemFile struct {
	path, typ string
	der       []byte
}

func writePEM(fs ...pemFile) error {
	for _, f := range fs {
		if err := os.WriteFile(f.path, pem.EncodeToMemory(&pem.Block{Type: f.typ, Bytes: f.der}), 0o600); err != nil {
			return err
		}
	}
	return nil
}

var serial int64 = 10

func newCA(name string) (*x509.Certificate, *ecdsa.PrivateKey, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, nil, err
	}
	serial++
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, nil, err
	}
	c, err := x509.ParseCertificate(der)
	return c, key, der, err
}

func leaf(ca *x509.Certificate, caKey *ecdsa.PrivateKey, tmpl *x509.Certificate) (der, keyDER []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial++
	tmpl.SerialNumber = big.NewInt(serial)
	tmpl.NotBefore, tmpl.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour)
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature
	if der, err = x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey); err != nil {
		return nil, nil, err
	}
	keyDER, err = x509.MarshalPKCS8PrivateKey(key)
	return der, keyDER, err
}

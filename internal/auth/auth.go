// Package auth checks API keys on gRPC calls: a key in the
// "authorization: Bearer KEY" or "x-api-key: KEY" metadata (the JSON
// gateway forwards both HTTP headers), compared in constant time with the
// keys of a file. A call without a key fails with UNAUTHENTICATED and the
// reason API_KEY_MISSING, one with a wrong key with API_KEY_INVALID.
// Health and reflection stay open.
package auth

import (
	"bufio"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// The ErrorInfo reasons.
const (
	ReasonMissing = "API_KEY_MISSING"
	ReasonInvalid = "API_KEY_INVALID"
)

// Keys is a set of API keys. Only their SHA-256 digests are kept.
type Keys struct {
	digests [][sha256.Size]byte
	domain  string
}

// LoadKeys reads the keys of a file: one key per line; blank lines and
// lines starting with # are skipped, surrounding white space is trimmed.
// A file with no key is an error, so a typo cannot turn checks off.
func LoadKeys(path, domain string) (*Keys, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("api keys: %w", err)
	}
	defer f.Close()
	var keys []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k := strings.TrimSpace(sc.Text()); k != "" && !strings.HasPrefix(k, "#") {
			keys = append(keys, k)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("api keys: %s: %w", path, err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("api keys: %s holds no key", path)
	}
	return NewKeys(keys, domain), nil
}

// NewKeys returns the set of keys; domain is the ErrorInfo domain of its
// errors.
func NewKeys(keys []string, domain string) *Keys {
	k := &Keys{domain: domain}
	for _, key := range keys {
		k.digests = append(k.digests, sha256.Sum256([]byte(key)))
	}
	return k
}

// Check reports whether key is one of the keys. It compares digests in
// constant time and always compares against every key, so its timing
// tells nothing about the keys.
func (k *Keys) Check(key string) bool {
	d := sha256.Sum256([]byte(key))
	ok := 0
	for i := range k.digests {
		ok |= subtle.ConstantTimeCompare(d[:], k.digests[i][:])
	}
	return ok == 1
}

// FromMetadata returns the API key of incoming metadata: the token of
// "authorization: Bearer KEY", else "x-api-key".
func FromMetadata(md metadata.MD) (string, bool) {
	for _, v := range md.Get("authorization") {
		if scheme, tok, ok := strings.Cut(strings.TrimSpace(v), " "); ok && strings.EqualFold(scheme, "bearer") {
			return strings.TrimSpace(tok), true
		}
	}
	for _, v := range md.Get("x-api-key") {
		if v = strings.TrimSpace(v); v != "" {
			return v, true
		}
	}
	return "", false
}

type clientKey struct{}

// ClientID returns the client identity that Keys' interceptors put in the
// context of an authenticated call ("key:" and a short digest of the key,
// never the key), or "".
func ClientID(ctx context.Context) string {
	id, _ := ctx.Value(clientKey{}).(string)
	return id
}

// Open reports whether a method needs no key: health checks and server
// reflection (the schema is public anyway, at /openapi.json).
func Open(fullMethod string) bool {
	return strings.HasPrefix(fullMethod, "/grpc.health.v1.Health/") ||
		strings.HasPrefix(fullMethod, "/grpc.reflection.v1.ServerReflection/") ||
		strings.HasPrefix(fullMethod, "/grpc.reflection.v1alpha.ServerReflection/")
}

// authenticate returns ctx with the client identity, or the error of a
// call without a valid key.
func (k *Keys) authenticate(ctx context.Context, fullMethod string) (context.Context, error) {
	if Open(fullMethod) {
		return ctx, nil
	}
	md, _ := metadata.FromIncomingContext(ctx)
	key, ok := FromMetadata(md)
	if !ok {
		return ctx, k.errorf(ReasonMissing, "this server needs an API key: send \"authorization: Bearer KEY\" or \"x-api-key: KEY\"")
	}
	if !k.Check(key) {
		return ctx, k.errorf(ReasonInvalid, "the API key is not valid")
	}
	d := sha256.Sum256([]byte(key))
	return context.WithValue(ctx, clientKey{}, "key:"+hex.EncodeToString(d[:6])), nil
}

func (k *Keys) errorf(reason, msg string) error {
	st := status.New(codes.Unauthenticated, msg)
	if d, err := st.WithDetails(&errdetails.ErrorInfo{Reason: reason, Domain: k.domain}); err == nil {
		st = d
	}
	return st.Err()
}

// UnaryServerInterceptor checks the key of unary calls.
func (k *Keys) UnaryServerInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		ctx, err := k.authenticate(ctx, info.FullMethod)
		if err != nil {
			return nil, err
		}
		return handler(ctx, req)
	}
}

// StreamServerInterceptor checks the key of streaming calls.
func (k *Keys) StreamServerInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		ctx, err := k.authenticate(ss.Context(), info.FullMethod)
		if err != nil {
			return err
		}
		return handler(srv, &stream{ServerStream: ss, ctx: ctx})
	}
}

type stream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *stream) Context() context.Context { return s.ctx }

package auth

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

func TestLoadKeysAndCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys")
	os.WriteFile(path, []byte("# team A\n  alpha-key-1  \n\nbeta-key-2\n"), 0o600)
	k, err := LoadKeys(path, "lector")
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]bool{"alpha-key-1": true, "beta-key-2": true, "alpha-key-2": false, "": false, "# team A": false, " alpha-key-1": false} {
		if got := k.Check(key); got != want {
			t.Errorf("Check(%q) = %v", key, got)
		}
	}
	os.WriteFile(path, []byte("# nothing\n\n"), 0o600)
	if _, err := LoadKeys(path, "lector"); err == nil {
		t.Error("a file with no key loaded")
	}
	if _, err := LoadKeys(filepath.Join(t.TempDir(), "absent"), "lector"); err == nil {
		t.Error("a missing file loaded")
	}
}

func TestInterceptor(t *testing.T) {
	k := NewKeys([]string{"s3cret"}, "lector")
	call := func(method string, md metadata.MD) (string, error) {
		ctx := metadata.NewIncomingContext(context.Background(), md)
		var id string
		_, err := k.UnaryServerInterceptor()(ctx, nil, &grpc.UnaryServerInfo{FullMethod: method}, func(ctx context.Context, req any) (any, error) {
			id = ClientID(ctx)
			return nil, nil
		})
		return id, err
	}
	const m = "/article.v1.ArticleAnalysisService/AnalyzeArticle"
	tests := []struct {
		name   string
		method string
		md     metadata.MD
		reason string
	}{
		{"bearer", m, metadata.Pairs("authorization", "Bearer s3cret"), ""},
		{"bearer lower case", m, metadata.Pairs("authorization", "bearer s3cret"), ""},
		{"x-api-key", m, metadata.Pairs("x-api-key", "s3cret"), ""},
		{"missing", m, metadata.MD{}, ReasonMissing},
		{"basic auth is no key", m, metadata.Pairs("authorization", "Basic czNjcmV0"), ReasonMissing},
		{"wrong bearer", m, metadata.Pairs("authorization", "Bearer s3cret2"), ReasonInvalid},
		{"wrong x-api-key", m, metadata.Pairs("x-api-key", "nope"), ReasonInvalid},
		{"health is open", "/grpc.health.v1.Health/Check", metadata.MD{}, ""},
		{"reflection is open", "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", metadata.MD{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := call(tt.method, tt.md)
			if tt.reason == "" {
				if err != nil {
					t.Fatal(err)
				}
				if tt.method == m && (id == "" || id == "key:s3cret") {
					t.Errorf("client id %q", id)
				}
				return
			}
			st := status.Convert(err)
			var reason string
			for _, d := range st.Details() {
				if ei, ok := d.(*errdetails.ErrorInfo); ok {
					reason = ei.Reason
				}
			}
			if st.Code() != codes.Unauthenticated || reason != tt.reason {
				t.Errorf("got %v %q, want UNAUTHENTICATED %q", st.Code(), reason, tt.reason)
			}
		})
	}
}

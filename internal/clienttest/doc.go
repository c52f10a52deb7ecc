// Package clienttest tests the generated TypeScript and Python clients of
// Lector against the real server: it builds ./server, starts it on loopback
// ports and runs the example programs in .ci/clients (which call every kind
// of RPC and exit non-zero on a wrong answer).
//
//	go test ./internal/clienttest -v
//
// A client whose runtime is missing (Debian's python3-grpcio and
// python3-protobuf; node and `npm ci --prefix .ci/clients/ts`) is skipped,
// except under CI=true, where it fails: .ci/run installs them.
//
// The subdirectory protoc-gen-python holds the buf plugin that generates the
// Python client with the system protoc.
package clienttest

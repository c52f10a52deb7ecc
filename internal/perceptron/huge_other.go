//go:build !linux

package perceptron

// makeHuge returns nil: huge pages are asked for on Linux only.
func makeHuge[T any](owner *Model, n int) []T { return nil }

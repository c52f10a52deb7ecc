//go:build !linux

package service

import "net"

// Backlog is not known on this system: the streams' pace at shutdown is
// measured from the writes alone (see service.Pacer).
func Backlog(net.Conn) (int, bool) { return 0, false }

// SendBuffer is not known on this system.
func SendBuffer(net.Conn) (int, bool) { return 0, false }

// TCPState is not known on this system.
func TCPState(net.Conn) (byte, bool) { return 0, false }

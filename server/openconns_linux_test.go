package main

import (
	"net"

	"github.com/lector-nlp/lector/internal/service"
)

// peerClosed reports whether the caller of the server's connection c has
// closed or reset it (TCP state CLOSE_WAIT or CLOSE): the server has yet to
// notice and close its end.
func peerClosed(c net.Conn) bool {
	const tcpCloseWait, tcpClose = 8, 7
	s, ok := service.TCPState(c)
	return ok && (s == tcpCloseWait || s == tcpClose)
}

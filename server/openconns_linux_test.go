package main

import (
	"net"
	"syscall"
	"unsafe"
)

// peerClosed reports whether the caller of the server's connection c has
// closed or reset it (TCP state CLOSE_WAIT or CLOSE): the server has yet to
// notice and close its end.
func peerClosed(c net.Conn) bool {
	for {
		u, ok := c.(interface{ NetConn() net.Conn })
		if !ok {
			break
		}
		c = u.NetConn()
	}
	sc, ok := c.(syscall.Conn)
	if !ok {
		return false
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	var info [256]byte // struct tcp_info: its first byte is the state
	size := uint32(len(info))
	var errno syscall.Errno
	if err := raw.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall6(syscall.SYS_GETSOCKOPT, fd, syscall.IPPROTO_TCP, syscall.TCP_INFO,
			uintptr(unsafe.Pointer(&info[0])), uintptr(unsafe.Pointer(&size)), 0)
	}); err != nil || errno != 0 {
		return false
	}
	const tcpCloseWait, tcpClose = 8, 7
	return info[0] == tcpCloseWait || info[0] == tcpClose
}

package service

import (
	"net"
	"syscall"
	"unsafe"
)

// Backlog returns the bytes written to c that its peer has not yet
// acknowledged (SIOCOUTQ).
func Backlog(c net.Conn) (int, bool) {
	raw, ok := rawConn(c)
	if !ok {
		return 0, false
	}
	var n int32
	var errno syscall.Errno
	if err := raw.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCOUTQ, uintptr(unsafe.Pointer(&n)))
	}); err != nil || errno != 0 {
		return 0, false
	}
	return int(n), true
}

// SendBuffer returns the size of c's send buffer (SO_SNDBUF, which the
// kernel doubles for its own bookkeeping and tunes as the connection goes).
func SendBuffer(c net.Conn) (int, bool) {
	raw, ok := rawConn(c)
	if !ok {
		return 0, false
	}
	var n int
	var serr error
	if err := raw.Control(func(fd uintptr) { n, serr = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF) }); err != nil || serr != nil {
		return 0, false
	}
	return n, true
}

// rawConn returns the socket under c and the wrappers that give their
// connection (NetConn: TLS, the server's connection limit and counts).
func rawConn(c net.Conn) (syscall.RawConn, bool) {
	for {
		u, ok := c.(interface{ NetConn() net.Conn })
		if !ok {
			break
		}
		c = u.NetConn()
	}
	sc, ok := c.(syscall.Conn)
	if !ok {
		return nil, false
	}
	raw, err := sc.SyscallConn()
	return raw, err == nil
}

package service

import (
	"net"
	"syscall"
	"unsafe"
)

// Backlog returns the bytes written to c that its peer has not yet
// acknowledged (SIOCOUTQ) and still can: 0 once the connection is reset
// or closed (TCP state CLOSE), whose queue the kernel keeps but never
// sends, so that no one waits for it.
func Backlog(c net.Conn) (int, bool) {
	raw, ok := rawConn(c)
	if !ok {
		return 0, false
	}
	var n int32
	var errno syscall.Errno
	state := byte(0)
	if err := raw.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCOUTQ, uintptr(unsafe.Pointer(&n)))
		if errno == 0 && n > 0 {
			state = tcpState(fd)
		}
	}); err != nil || errno != 0 {
		return 0, false
	}
	if state == tcpClose {
		return 0, true
	}
	return int(n), true
}

// tcpClose is the kernel's TCP_CLOSE state: a socket reset by its peer.
const tcpClose = 7

// TCPState returns the kernel's TCP state of the socket under c (the
// first byte of its struct tcp_info: 7 CLOSE, reset; 8 CLOSE_WAIT, closed
// by the peer), and false where it cannot be read.
func TCPState(c net.Conn) (byte, bool) {
	raw, ok := rawConn(c)
	if !ok {
		return 0, false
	}
	var state byte
	if err := raw.Control(func(fd uintptr) { state = tcpState(fd) }); err != nil || state == 0 {
		return 0, false
	}
	return state, true
}

// tcpState returns the TCP state of socket fd, the first byte of its
// struct tcp_info, or 0 when it cannot be read.
func tcpState(fd uintptr) byte {
	var info [8]byte // tcpi_state comes first
	l := uint32(len(info))
	_, _, errno := syscall.Syscall6(syscall.SYS_GETSOCKOPT, fd, syscall.IPPROTO_TCP, syscall.TCP_INFO,
		uintptr(unsafe.Pointer(&info[0])), uintptr(unsafe.Pointer(&l)), 0)
	if errno != 0 || l == 0 {
		return 0
	}
	return info[0]
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

#include "textflag.h"

// WIDEN(X, off) adds the widened lanes of the two packed words in X to
// the four words at off(R13) and stores the sums at off(DX); X12 holds
// lanes02 twice, X13-X15 are scratch.
#define WIDEN(X, off) \
	MOVOU X, X13 \
	PSRLQ $16, X13 \
	PAND X12, X13 \
	PAND X12, X \
	MOVOU X, X14 \
	PUNPCKLQDQ X13, X14 \
	PUNPCKHQDQ X13, X \
	MOVOU off(R13), X15 \
	PADDQ X15, X14 \
	MOVOU X14, off(DX) \
	MOVOU off+16(R13), X15 \
	PADDQ X15, X \
	MOVOU X, off+16(DX)

// func add12SSE2(d *uint64, offs *int, noffs int, p *uint64, rs *int32, nrs int, w *[24]uint64)
TEXT ·add12SSE2(SB), NOSPLIT, $0-56
	PXOR X0, X0
	PXOR X1, X1
	PXOR X2, X2
	PXOR X3, X3
	PXOR X4, X4
	PXOR X5, X5
	MOVQ d+0(FP), SI
	MOVQ offs+8(FP), DI
	MOVQ noffs+16(FP), CX
	TESTQ CX, CX
	JEQ rows
offsLoop:
	MOVQ (DI), AX
	LEAQ (SI)(AX*8), AX
	MOVOU 0(AX), X6
	PADDQ X6, X0
	MOVOU 16(AX), X7
	PADDQ X7, X1
	MOVOU 32(AX), X8
	PADDQ X8, X2
	MOVOU 48(AX), X9
	PADDQ X9, X3
	MOVOU 64(AX), X10
	PADDQ X10, X4
	MOVOU 80(AX), X11
	PADDQ X11, X5
	ADDQ $8, DI
	DECQ CX
	JNE offsLoop
rows:
	MOVQ p+24(FP), SI
	MOVQ rs+32(FP), DI
	MOVQ nrs+40(FP), CX
	TESTQ CX, CX
	JEQ widen
rowsLoop:
	MOVLQSX (DI), AX
	LEAQ (AX)(AX*2), AX
	SHLQ $5, AX
	ADDQ SI, AX
	MOVOU 0(AX), X6
	PADDQ X6, X0
	MOVOU 16(AX), X7
	PADDQ X7, X1
	MOVOU 32(AX), X8
	PADDQ X8, X2
	MOVOU 48(AX), X9
	PADDQ X9, X3
	MOVOU 64(AX), X10
	PADDQ X10, X4
	MOVOU 80(AX), X11
	PADDQ X11, X5
	ADDQ $4, DI
	DECQ CX
	JNE rowsLoop
widen:
	// packed words a, b (one register) become w[i..i+3] +=
	// a&lanes02, a>>16&lanes02, b&lanes02, b>>16&lanes02
	MOVQ w+48(FP), DX
	MOVQ DX, R13
	MOVQ $0x0000ffff0000ffff, AX
	MOVQ AX, X12
	PUNPCKLQDQ X12, X12
	WIDEN(X0, 0)
	WIDEN(X1, 32)
	WIDEN(X2, 64)
	WIDEN(X3, 96)
	WIDEN(X4, 128)
	WIDEN(X5, 160)
	RET

// func bestSSE2(ws *uint64, n int, mlo, mhi uint64) (w, mask int)
TEXT ·bestSSE2(SB), NOSPLIT, $0-48
	MOVQ ws+0(FP), SI
	MOVQ n+8(FP), CX
	// X3: the last word, masked
	MOVQ CX, AX
	SHLQ $4, AX
	MOVOU -16(SI)(AX*1), X3
	MOVQ mlo+16(FP), X4
	MOVQ mhi+24(FP), X5
	PUNPCKLQDQ X5, X4
	PAND X4, X3
	// the largest lane, as floats (exact: the lanes are below 2^24)
	CVTPL2PS X3, X0
	MOVQ SI, DI
	MOVQ CX, DX
	DECQ DX
	JEQ hmax
maxLoop:
	MOVOU 0(DI), X1
	CVTPL2PS X1, X1
	MAXPS X1, X0
	ADDQ $16, DI
	DECQ DX
	JNE maxLoop
hmax:
	PSHUFD $0x4e, X0, X1
	MAXPS X1, X0
	PSHUFD $0xb1, X0, X1
	MAXPS X1, X0
	CVTPS2PL X0, X0
	// every lane of X0 holds the largest: the first word with it (the
	// last word as masked)
	XORQ BX, BX
	DECQ CX
	JEQ last
findLoop:
	MOVOU 0(SI), X1
	PCMPEQL X0, X1
	MOVMSKPS X1, AX
	TESTL AX, AX
	JNE found
	ADDQ $16, SI
	INCQ BX
	DECQ CX
	JNE findLoop
last:
	PCMPEQL X0, X3
	MOVMSKPS X3, AX
found:
	MOVQ BX, w+32(FP)
	MOVQ AX, mask+40(FP)
	RET

// func addEnts12(d *uint64, ents *int32, nents int, stride int, base int, nd int, p *uint64, rs *int32, nrs int, np int, src, dst *[24]uint64) (total int, ok bool)
TEXT ·addEnts12(SB), NOSPLIT, $0-105
	MOVQ d+0(FP), SI
	MOVQ stride+24(FP), R8
	MOVQ base+32(FP), R9
	MOVQ ents+8(FP), DI
	MOVQ nents+16(FP), CX
	MOVQ nd+40(FP), R10
	PXOR X0, X0
	PXOR X1, X1
	PXOR X2, X2
	PXOR X3, X3
	PXOR X4, X4
	PXOR X5, X5
	// the entries: their range, their row counts (lane 47 of their last
	// words, BX) and their words
	XORQ BX, BX
	XORQ R11, R11
	TESTQ CX, CX
	JEQ counted
entLoop:
	MOVLQSX (DI), AX
	TESTQ AX, AX
	JS entNext
	IMULQ R8, AX
	ADDQ R9, AX
	ADDQ R11, AX
	// in range: 0 <= AX and AX+12 <= nd (a base below zero can give
	// an offset below zero)
	TESTQ AX, AX
	JS bad
	LEAQ 12(AX), DX
	CMPQ DX, R10
	JHI bad
	LEAQ (SI)(AX*8), AX
	MOVQ 88(AX), DX
	SHRQ $48, DX
	ADDQ DX, BX
	MOVOU 0(AX), X6
	PADDQ X6, X0
	MOVOU 16(AX), X7
	PADDQ X7, X1
	MOVOU 32(AX), X8
	PADDQ X8, X2
	MOVOU 48(AX), X9
	PADDQ X9, X3
	MOVOU 64(AX), X10
	PADDQ X10, X4
	MOVOU 80(AX), X11
	PADDQ X11, X5
entNext:
	ADDQ $4, DI
	ADDQ $12, R11
	DECQ CX
	JNE entLoop
counted:
	MOVQ BX, total+96(FP)
	MOVQ nrs+64(FP), DX
	ADDQ BX, DX
	CMPQ DX, $16
	JHI tooMany
	// the rows (p is 16-byte aligned: see Model.aligned)
	MOVQ p+48(FP), SI
	MOVQ rs+56(FP), DI
	MOVQ nrs+64(FP), CX
	MOVQ np+72(FP), R10
	TESTQ CX, CX
	JEQ widen
rowLoop:
	MOVLQSX (DI), AX
	CMPQ AX, R10
	JCC bad
	LEAQ (AX)(AX*2), AX
	SHLQ $5, AX
	ADDQ SI, AX
	PADDQ 0(AX), X0
	PADDQ 16(AX), X1
	PADDQ 32(AX), X2
	PADDQ 48(AX), X3
	PADDQ 64(AX), X4
	PADDQ 80(AX), X5
	ADDQ $4, DI
	DECQ CX
	JNE rowLoop
widen:
	MOVQ src+80(FP), R13
	MOVQ dst+88(FP), DX
	MOVQ $0x0000ffff0000ffff, AX
	MOVQ AX, X12
	PUNPCKLQDQ X12, X12
	WIDEN(X0, 0)
	WIDEN(X1, 32)
	WIDEN(X2, 64)
	WIDEN(X3, 96)
	WIDEN(X4, 128)
	WIDEN(X5, 160)
	MOVB $1, ok+104(FP)
	RET
tooMany:
	MOVB $0, ok+104(FP)
	RET
bad:
	MOVQ $-1, total+96(FP)
	MOVB $0, ok+104(FP)
	RET

#include "textflag.h"

// MULADD8(X, off) sign-extends the 8 int16 of X to int32 (four at a
// time, in X3 and X4), converts them to float32, multiplies them by the
// 4 copies of a in X7 and adds them to the 8 float32 at off(DI).
#define MULADD8(X, off) \
	MOVOU X, X3 \
	PUNPCKLWL X, X3 \
	PSRAL $16, X3 \
	CVTPL2PS X3, X3 \
	MULPS X7, X3 \
	MOVUPS off(DI), X5 \
	ADDPS X3, X5 \
	MOVUPS X5, off(DI) \
	MOVOU X, X4 \
	PUNPCKHWL X, X4 \
	PSRAL $16, X4 \
	CVTPL2PS X4, X4 \
	MULPS X7, X4 \
	MOVUPS off+16(DI), X6 \
	ADDPS X4, X6 \
	MOVUPS X6, off+16(DI)

// func axpySSE2(dst *float32, src *int8, n int, a float32)
TEXT ·axpySSE2(SB), NOSPLIT, $0-28
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	MOVSS a+24(FP), X7
	SHUFPS $0, X7, X7
	SHRQ $4, CX
	JEQ done
loop:
	MOVOU (SI), X0
	// bytes to int16: each byte in the high half of a word, then an
	// arithmetic shift
	MOVOU X0, X1
	PUNPCKLBW X0, X1
	PSRAW $8, X1
	MOVOU X0, X2
	PUNPCKHBW X0, X2
	PSRAW $8, X2
	MULADD8(X1, 0)
	MULADD8(X2, 32)
	ADDQ $16, SI
	ADDQ $64, DI
	DECQ CX
	JNE loop
done:
	RET

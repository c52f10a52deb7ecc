package perceptron

// add12Go is addMixed for rows of 12 words, all words in one pass: add12
// where there is no assembly, and the reference add12SSE2 is tested
// against (see add12_amd64.go).
func add12Go(d []uint64, offs []int, p []uint64, rs []int32, wide []uint64) {
	var l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11 uint64
	for _, o := range offs {
		row := (*[12]uint64)(d[o : o+12])
		l0 += row[0]
		l1 += row[1]
		l2 += row[2]
		l3 += row[3]
		l4 += row[4]
		l5 += row[5]
		l6 += row[6]
		l7 += row[7]
		l8 += row[8]
		l9 += row[9]
		l10 += row[10]
		l11 += row[11]
	}
	for _, r := range rs {
		o := int(r) * 12
		row := (*[12]uint64)(p[o : o+12])
		l0 += row[0]
		l1 += row[1]
		l2 += row[2]
		l3 += row[3]
		l4 += row[4]
		l5 += row[5]
		l6 += row[6]
		l7 += row[7]
		l8 += row[8]
		l9 += row[9]
		l10 += row[10]
		l11 += row[11]
	}
	w := (*[24]uint64)(wide[:24])
	w[0] += l0 & lanes02
	w[1] += l0 >> 16 & lanes02
	w[2] += l1 & lanes02
	w[3] += l1 >> 16 & lanes02
	w[4] += l2 & lanes02
	w[5] += l2 >> 16 & lanes02
	w[6] += l3 & lanes02
	w[7] += l3 >> 16 & lanes02
	w[8] += l4 & lanes02
	w[9] += l4 >> 16 & lanes02
	w[10] += l5 & lanes02
	w[11] += l5 >> 16 & lanes02
	w[12] += l6 & lanes02
	w[13] += l6 >> 16 & lanes02
	w[14] += l7 & lanes02
	w[15] += l7 >> 16 & lanes02
	w[16] += l8 & lanes02
	w[17] += l8 >> 16 & lanes02
	w[18] += l9 & lanes02
	w[19] += l9 >> 16 & lanes02
	w[20] += l10 & lanes02
	w[21] += l10 >> 16 & lanes02
	w[22] += l11 & lanes02
	w[23] += l11 >> 16 & lanes02
}

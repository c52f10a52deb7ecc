package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/lector-nlp/lector/internal/wordclusters"
)

// buildClusters learns word clusters from the unlabelled news and rewrites
// the embedded clusters file.
func buildClusters(dataDir, repo string) error {
	sents, err := wordclusters.ReadCorpus(dataDir)
	if err != nil {
		return err
	}
	if err := buildCase(sents, repo); err != nil {
		return err
	}
	m := wordclusters.Build(sents, wordclusters.Options{
		MinCount: 3, MaxWords: 60000, Contexts: 2000,
		K: []int{1024, 256, 64}, Iterations: 12, Log: log.Printf,
	})
	out := filepath.Join(repo, "internal/wordclusters/clusters.txt.gz")
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := wordclusters.Write(f, m); err != nil {
		f.Close()
		return err
	}
	log.Printf("wrote %s (%d words)", out, len(m))
	return f.Close()
}

// buildCase writes how often each word is capitalised inside sentences of
// the unlabelled news.
func buildCase(sents [][]string, repo string) error {
	m := wordclusters.CaseRatios(sents, 3)
	out := filepath.Join(repo, "internal/wordclusters/case.txt.gz")
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := wordclusters.WriteCase(f, m); err != nil {
		f.Close()
		return err
	}
	log.Printf("wrote %s (%d words)", out, len(m))
	return f.Close()
}

func buildCaseOnly(dataDir, repo string) error {
	sents, err := wordclusters.ReadCorpus(dataDir)
	if err != nil {
		return err
	}
	return buildCase(sents, repo)
}

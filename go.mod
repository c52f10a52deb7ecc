module github.com/lector-nlp/lector

go 1.26

// Command protoc-gen-python is the buf plugin that writes Lector's Python
// client (gen/python) with the system protoc and grpc_python_plugin, so the
// generated modules match the protobuf and grpcio runtime installed beside
// them (on Debian 12: protoc 3.21, python3-protobuf 3.21, python3-grpcio 1.51).
//
// That protoc predates editions, and article/v1/article_service.proto uses
// edition 2023 (proto3 semantics without UTF-8 validation). The plugin
// therefore rewrites every edition-2023 file of the request into its proto3
// equivalent (same wire format, same JSON names, explicit-presence scalars
// become proto3 optional fields), refusing features proto3 cannot express
// (closed enums, delimited messages, required fields, default values), writes
// the files as a FileDescriptorSet and runs
//
//	protoc --descriptor_set_in=SET --python_out=OUT --pyi_out=OUT FILES...
//	protoc --descriptor_set_in=SET --grpc_python_out=OUT FILES-WITH-SERVICES...
//
// It returns what protoc wrote as the plugin's output. The one difference from
// the edition file is that the Python runtime checks strings for valid UTF-8,
// which Python strings always are.
//
// buf.gen.yaml runs it as a local plugin, with include_imports so that the
// google/api and google/rpc modules the stubs import are written too:
//
//	local: ["go", "run", "./internal/clienttest/protoc-gen-python"]
//	opt: [protoc=/usr/bin/protoc, grpc_python_plugin=/usr/bin/grpc_python_plugin]
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
	"google.golang.org/protobuf/types/pluginpb"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "protoc-gen-python:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	var req pluginpb.CodeGeneratorRequest
	if err := proto.Unmarshal(data, &req); err != nil {
		return fmt.Errorf("reading the request: %w", err)
	}
	resp := generate(&req)
	resp.SupportedFeatures = proto.Uint64(uint64(pluginpb.CodeGeneratorResponse_FEATURE_PROTO3_OPTIONAL |
		pluginpb.CodeGeneratorResponse_FEATURE_SUPPORTS_EDITIONS))
	resp.MinimumEdition = proto.Int32(int32(descriptorpb.Edition_EDITION_PROTO2))
	resp.MaximumEdition = proto.Int32(int32(descriptorpb.Edition_EDITION_2023))
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(resp)
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}

// generate answers a request; errors go into the response, as the plugin
// protocol asks.
func generate(req *pluginpb.CodeGeneratorRequest) *pluginpb.CodeGeneratorResponse {
	files, err := generateFiles(req)
	if err != nil {
		return &pluginpb.CodeGeneratorResponse{Error: proto.String(err.Error())}
	}
	return &pluginpb.CodeGeneratorResponse{File: files}
}

func generateFiles(req *pluginpb.CodeGeneratorRequest) ([]*pluginpb.CodeGeneratorResponse_File, error) {
	opts, err := parseParameter(req.GetParameter())
	if err != nil {
		return nil, err
	}
	set := &descriptorpb.FileDescriptorSet{}
	withServices := map[string]bool{}
	for _, f := range req.GetProtoFile() {
		f = proto.Clone(f).(*descriptorpb.FileDescriptorProto)
		if err := toProto3(f); err != nil {
			return nil, fmt.Errorf("%s: %w", f.GetName(), err)
		}
		set.File = append(set.File, f)
		withServices[f.GetName()] = len(f.GetService()) > 0
	}
	tmp, err := os.MkdirTemp("", "protoc-gen-python-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(set)
	if err != nil {
		return nil, err
	}
	setPath := filepath.Join(tmp, "set.binpb")
	if err := os.WriteFile(setPath, b, 0o644); err != nil {
		return nil, err
	}
	outDir := filepath.Join(tmp, "out")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		return nil, err
	}
	gen := req.GetFileToGenerate()
	var services []string
	for _, name := range gen {
		if withServices[name] {
			services = append(services, name)
		}
	}
	args := append([]string{"--descriptor_set_in=" + setPath, "--python_out=" + outDir, "--pyi_out=" + outDir}, gen...)
	if err := protoc(opts.protoc, args); err != nil {
		return nil, err
	}
	if len(services) > 0 {
		args := append([]string{"--descriptor_set_in=" + setPath,
			"--plugin=protoc-gen-grpc_python=" + opts.grpcPlugin, "--grpc_python_out=" + outDir}, services...)
		if err := protoc(opts.protoc, args); err != nil {
			return nil, err
		}
	}
	var files []*pluginpb.CodeGeneratorResponse_File
	err = filepath.WalkDir(outDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(outDir, path)
		if err != nil {
			return err
		}
		files = append(files, &pluginpb.CodeGeneratorResponse_File{
			Name:    proto.String(filepath.ToSlash(rel)),
			Content: proto.String(string(content)),
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b *pluginpb.CodeGeneratorResponse_File) int { return strings.Compare(a.GetName(), b.GetName()) })
	return files, nil
}

type options struct {
	protoc     string // the protoc binary
	grpcPlugin string // the gRPC Python plugin binary
}

// parseParameter reads "protoc=PATH,grpc_python_plugin=PATH".
func parseParameter(p string) (options, error) {
	o := options{protoc: "/usr/bin/protoc", grpcPlugin: "/usr/bin/grpc_python_plugin"}
	for kv := range strings.SplitSeq(p, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "protoc":
			o.protoc = v
		case "grpc_python_plugin":
			o.grpcPlugin = v
		default:
			return o, fmt.Errorf("unknown option %q (want protoc=PATH or grpc_python_plugin=PATH)", k)
		}
	}
	return o, nil
}

func protoc(bin string, args []string) error {
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, stderr.String())
	}
	return nil
}

// toProto3 rewrites an edition-2023 file into the proto3 file with the same
// meaning. Files in proto2 or proto3 are left alone.
func toProto3(f *descriptorpb.FileDescriptorProto) error {
	if f.GetSyntax() != "editions" {
		return nil
	}
	if f.GetEdition() != descriptorpb.Edition_EDITION_2023 {
		return fmt.Errorf("edition %v is not supported (only 2023)", f.GetEdition())
	}
	fileFS := merge(edition2023Defaults(), f.GetOptions().GetFeatures())
	if err := checkFile(fileFS); err != nil {
		return err
	}
	for _, m := range f.GetMessageType() {
		if err := messageToProto3(m, fileFS); err != nil {
			return fmt.Errorf("message %s: %w", m.GetName(), err)
		}
	}
	for _, e := range f.GetEnumType() {
		if err := enumToProto3(e, fileFS); err != nil {
			return err
		}
	}
	for _, x := range f.GetExtension() {
		if err := fieldToProto3(x, fileFS); err != nil {
			return fmt.Errorf("extension %s: %w", x.GetName(), err)
		}
	}
	for _, s := range f.GetService() {
		if s.GetOptions() != nil {
			s.Options.Features = nil
			s.Options = emptyToNil(s.Options)
		}
		for _, m := range s.GetMethod() {
			if m.GetOptions() != nil {
				m.Options.Features = nil
				m.Options = emptyToNil(m.Options)
			}
		}
	}
	f.Syntax = proto.String("proto3")
	f.Edition = nil
	if f.Options != nil {
		f.Options.Features = nil
		f.Options = emptyToNil(f.Options)
	}
	return nil
}

// checkFile refuses features that have no proto3 form. Turning off UTF-8
// validation is accepted: see the package comment.
func checkFile(fs *descriptorpb.FeatureSet) error {
	if fs.GetJsonFormat() != descriptorpb.FeatureSet_ALLOW {
		return errors.New("json_format other than ALLOW has no proto3 form")
	}
	return nil
}

func messageToProto3(m *descriptorpb.DescriptorProto, parent *descriptorpb.FeatureSet) error {
	mfs := merge(parent, m.GetOptions().GetFeatures())
	if err := checkFile(mfs); err != nil {
		return err
	}
	realOneofs := len(m.GetOneofDecl())
	var synthetic []*descriptorpb.OneofDescriptorProto
	for _, fd := range m.GetField() {
		ffs := mfs
		if fd.OneofIndex != nil {
			ffs = merge(ffs, m.GetOneofDecl()[fd.GetOneofIndex()].GetOptions().GetFeatures())
		}
		ffs = merge(ffs, fd.GetOptions().GetFeatures())
		if err := fieldToProto3(fd, ffs); err != nil {
			return fmt.Errorf("field %s: %w", fd.GetName(), err)
		}
		if fd.GetLabel() == descriptorpb.FieldDescriptorProto_LABEL_OPTIONAL && fd.OneofIndex == nil &&
			fd.GetType() != descriptorpb.FieldDescriptorProto_TYPE_MESSAGE &&
			ffs.GetFieldPresence() == descriptorpb.FeatureSet_EXPLICIT {
			// an explicit-presence scalar is a proto3 optional field: a
			// synthetic oneof of its own, after the real ones
			name := "_" + fd.GetName()
			for taken(m, synthetic, name) {
				name = "X" + name
			}
			fd.Proto3Optional = proto.Bool(true)
			fd.OneofIndex = proto.Int32(int32(realOneofs + len(synthetic)))
			synthetic = append(synthetic, &descriptorpb.OneofDescriptorProto{Name: proto.String(name)})
		}
	}
	for _, o := range m.GetOneofDecl() {
		if o.GetOptions() != nil {
			o.Options.Features = nil
			o.Options = emptyToNil(o.Options)
		}
	}
	m.OneofDecl = append(m.OneofDecl, synthetic...)
	for _, x := range m.GetExtension() {
		if err := fieldToProto3(x, merge(mfs, x.GetOptions().GetFeatures())); err != nil {
			return fmt.Errorf("extension %s: %w", x.GetName(), err)
		}
	}
	for _, r := range m.GetExtensionRange() {
		if r.GetOptions() != nil {
			r.Options.Features = nil
			r.Options = emptyToNil(r.Options)
		}
	}
	for _, n := range m.GetNestedType() {
		if err := messageToProto3(n, mfs); err != nil {
			return fmt.Errorf("message %s: %w", n.GetName(), err)
		}
	}
	for _, e := range m.GetEnumType() {
		if err := enumToProto3(e, mfs); err != nil {
			return err
		}
	}
	if m.GetOptions() != nil {
		m.Options.Features = nil
		m.Options = emptyToNil(m.Options)
	}
	return nil
}

// taken reports whether a oneof or field of m is called name.
func taken(m *descriptorpb.DescriptorProto, extra []*descriptorpb.OneofDescriptorProto, name string) bool {
	for _, o := range append(slices.Clone(m.GetOneofDecl()), extra...) {
		if o.GetName() == name {
			return true
		}
	}
	for _, f := range m.GetField() {
		if f.GetName() == name {
			return true
		}
	}
	return false
}

// fieldToProto3 checks one field against proto3 and drops its features; fs
// is the field's resolved feature set.
func fieldToProto3(fd *descriptorpb.FieldDescriptorProto, fs *descriptorpb.FeatureSet) error {
	if err := checkFile(fs); err != nil {
		return err
	}
	switch {
	case fs.GetFieldPresence() == descriptorpb.FeatureSet_LEGACY_REQUIRED:
		return errors.New("required fields have no proto3 form")
	case fd.DefaultValue != nil:
		return errors.New("default values have no proto3 form")
	case fd.GetType() == descriptorpb.FieldDescriptorProto_TYPE_GROUP,
		fd.GetType() == descriptorpb.FieldDescriptorProto_TYPE_MESSAGE && fs.GetMessageEncoding() == descriptorpb.FeatureSet_DELIMITED:
		return errors.New("delimited (group) encoding has no proto3 form")
	}
	if fd.GetLabel() == descriptorpb.FieldDescriptorProto_LABEL_REPEATED &&
		fs.GetRepeatedFieldEncoding() == descriptorpb.FeatureSet_EXPANDED && packable(fd.GetType()) {
		if fd.Options == nil {
			fd.Options = &descriptorpb.FieldOptions{}
		}
		fd.Options.Packed = proto.Bool(false)
	}
	if fd.GetOptions() != nil {
		fd.Options.Features = nil
		fd.Options = emptyToNil(fd.Options)
	}
	return nil
}

func packable(t descriptorpb.FieldDescriptorProto_Type) bool {
	switch t {
	case descriptorpb.FieldDescriptorProto_TYPE_STRING, descriptorpb.FieldDescriptorProto_TYPE_BYTES,
		descriptorpb.FieldDescriptorProto_TYPE_MESSAGE, descriptorpb.FieldDescriptorProto_TYPE_GROUP:
		return false
	}
	return true
}

func enumToProto3(e *descriptorpb.EnumDescriptorProto, parent *descriptorpb.FeatureSet) error {
	efs := merge(parent, e.GetOptions().GetFeatures())
	if efs.GetEnumType() != descriptorpb.FeatureSet_OPEN {
		return fmt.Errorf("enum %s: closed enums have no proto3 form", e.GetName())
	}
	if len(e.GetValue()) == 0 || e.GetValue()[0].GetNumber() != 0 {
		return fmt.Errorf("enum %s: the first value must be zero in proto3", e.GetName())
	}
	for _, v := range e.GetValue() {
		if v.GetOptions() != nil {
			v.Options.Features = nil
			v.Options = emptyToNil(v.Options)
		}
	}
	if e.GetOptions() != nil {
		e.Options.Features = nil
		e.Options = emptyToNil(e.Options)
	}
	return nil
}

// edition2023Defaults are the feature defaults of edition 2023.
func edition2023Defaults() *descriptorpb.FeatureSet {
	return &descriptorpb.FeatureSet{
		FieldPresence:         descriptorpb.FeatureSet_EXPLICIT.Enum(),
		EnumType:              descriptorpb.FeatureSet_OPEN.Enum(),
		RepeatedFieldEncoding: descriptorpb.FeatureSet_PACKED.Enum(),
		Utf8Validation:        descriptorpb.FeatureSet_VERIFY.Enum(),
		MessageEncoding:       descriptorpb.FeatureSet_LENGTH_PREFIXED.Enum(),
		JsonFormat:            descriptorpb.FeatureSet_ALLOW.Enum(),
	}
}

// merge returns parent with the features set in child overriding it.
func merge(parent, child *descriptorpb.FeatureSet) *descriptorpb.FeatureSet {
	out := proto.Clone(parent).(*descriptorpb.FeatureSet)
	if child != nil {
		proto.Merge(out, child)
	}
	return out
}

// emptyToNil returns nil for an options message with nothing set, so the
// proto3 descriptor has no empty options.
func emptyToNil[T proto.Message](m T) T {
	if proto.Size(m) == 0 {
		var zero T
		return zero
	}
	return m
}

package main

import (
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
)

// editionFile is an edition-2023 file with the given file features and one
// message holding the given fields.
func editionFile(features *descriptorpb.FeatureSet, fields ...*descriptorpb.FieldDescriptorProto) *descriptorpb.FileDescriptorProto {
	f := &descriptorpb.FileDescriptorProto{
		Name:    proto.String("x/v1/x.proto"),
		Package: proto.String("x.v1"),
		Syntax:  proto.String("editions"),
		Edition: descriptorpb.Edition_EDITION_2023.Enum(),
		MessageType: []*descriptorpb.DescriptorProto{{
			Name:  proto.String("M"),
			Field: fields,
		}},
	}
	if features != nil {
		f.Options = &descriptorpb.FileOptions{Features: features}
	}
	return f
}

func field(name string, n int32, typ descriptorpb.FieldDescriptorProto_Type, label descriptorpb.FieldDescriptorProto_Label) *descriptorpb.FieldDescriptorProto {
	return &descriptorpb.FieldDescriptorProto{Name: proto.String(name), Number: proto.Int32(n), Type: typ.Enum(), Label: label.Enum()}
}

const (
	optional = descriptorpb.FieldDescriptorProto_LABEL_OPTIONAL
	repeated = descriptorpb.FieldDescriptorProto_LABEL_REPEATED
)

func TestToProto3ImplicitPresence(t *testing.T) {
	f := editionFile(&descriptorpb.FeatureSet{
		FieldPresence:  descriptorpb.FeatureSet_IMPLICIT.Enum(),
		Utf8Validation: descriptorpb.FeatureSet_NONE.Enum(),
	},
		field("name", 1, descriptorpb.FieldDescriptorProto_TYPE_STRING, optional),
		field("counts", 2, descriptorpb.FieldDescriptorProto_TYPE_INT32, repeated),
	)
	// a field that asks for explicit presence becomes a proto3 optional field
	explicit := field("limit", 3, descriptorpb.FieldDescriptorProto_TYPE_INT64, optional)
	explicit.Options = &descriptorpb.FieldOptions{Features: &descriptorpb.FeatureSet{FieldPresence: descriptorpb.FeatureSet_EXPLICIT.Enum()}}
	f.MessageType[0].Field = append(f.MessageType[0].Field, explicit)

	if err := toProto3(f); err != nil {
		t.Fatal(err)
	}
	if f.GetSyntax() != "proto3" || f.Edition != nil || f.Options != nil {
		t.Errorf("file: syntax %q, edition %v, options %v; want proto3 without edition and options", f.GetSyntax(), f.Edition, f.Options)
	}
	m := f.MessageType[0]
	if m.Field[0].Proto3Optional != nil || m.Field[0].OneofIndex != nil {
		t.Errorf("implicit field %s became optional", m.Field[0].GetName())
	}
	lim := m.Field[2]
	if !lim.GetProto3Optional() || lim.OneofIndex == nil || lim.Options != nil {
		t.Fatalf("explicit field: %v", lim)
	}
	if len(m.OneofDecl) != 1 || m.OneofDecl[lim.GetOneofIndex()].GetName() != "_limit" {
		t.Errorf("synthetic oneof: %v", m.OneofDecl)
	}
}

func TestToProto3ExplicitDefault(t *testing.T) {
	// edition 2023 defaults to explicit presence: every singular scalar is optional
	f := editionFile(nil, field("name", 1, descriptorpb.FieldDescriptorProto_TYPE_STRING, optional),
		field("child", 2, descriptorpb.FieldDescriptorProto_TYPE_MESSAGE, optional))
	f.MessageType[0].Field[1].TypeName = proto.String(".x.v1.M")
	if err := toProto3(f); err != nil {
		t.Fatal(err)
	}
	m := f.MessageType[0]
	if !m.Field[0].GetProto3Optional() {
		t.Error("string field with explicit presence is not optional")
	}
	if m.Field[1].GetProto3Optional() {
		t.Error("message field became proto3 optional")
	}
}

func TestToProto3Refuses(t *testing.T) {
	closed := editionFile(&descriptorpb.FeatureSet{EnumType: descriptorpb.FeatureSet_CLOSED.Enum()})
	closed.EnumType = []*descriptorpb.EnumDescriptorProto{{Name: proto.String("E"),
		Value: []*descriptorpb.EnumValueDescriptorProto{{Name: proto.String("E_ZERO"), Number: proto.Int32(0)}}}}
	required := editionFile(&descriptorpb.FeatureSet{FieldPresence: descriptorpb.FeatureSet_LEGACY_REQUIRED.Enum()},
		field("id", 1, descriptorpb.FieldDescriptorProto_TYPE_STRING, optional))
	withDefault := editionFile(nil, field("n", 1, descriptorpb.FieldDescriptorProto_TYPE_INT32, optional))
	withDefault.MessageType[0].Field[0].DefaultValue = proto.String("7")
	for name, tc := range map[string]struct {
		f    *descriptorpb.FileDescriptorProto
		want string
	}{
		"closed enum": {closed, "closed enums"},
		"required":    {required, "required"},
		"default":     {withDefault, "default values"},
	} {
		err := toProto3(tc.f)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one about %q", name, err, tc.want)
		}
	}
}

func TestToProto3LeavesProto3Alone(t *testing.T) {
	f := &descriptorpb.FileDescriptorProto{Name: proto.String("a.proto"), Syntax: proto.String("proto3"),
		MessageType: []*descriptorpb.DescriptorProto{{Name: proto.String("A"),
			Field: []*descriptorpb.FieldDescriptorProto{field("s", 1, descriptorpb.FieldDescriptorProto_TYPE_STRING, optional)}}}}
	before := proto.Clone(f)
	if err := toProto3(f); err != nil {
		t.Fatal(err)
	}
	if !proto.Equal(before, f) {
		t.Errorf("a proto3 file changed: %v", f)
	}
}

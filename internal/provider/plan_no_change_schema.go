package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// planFacts is what the fast paths need to know about one resource type,
// worked out once from its schemas. When unfit is not empty, the type's
// plans always go to the framework, and unfit says why.
type planFacts struct {
	unfit string
	// statePassthrough is true when the framework passes a state of the
	// current version through UpgradeResourceState as it reads it: the
	// schema has no errors and no blocks (whose null lists and sets the
	// framework would turn into empty ones).
	statePassthrough bool

	schema rschema.Schema
	typ    tftypes.Type
	// attrTypes are the top-level attributes' types: the framework
	// converts every top-level value of the plan, the state and the
	// configuration to them, and fails the plan when one does not convert.
	attrTypes map[string]attr.Type
	// writeOnly are the top-level write-only attributes: the framework
	// nulls them in every plan.
	writeOnly []string
	// defaults are the top-level attributes' default values: the framework
	// puts them in the plan wherever the configuration leaves them null.
	defaults map[string]tftypes.Value

	hasIdentity    bool
	identitySchema resource.IdentitySchemaResponse
	identityType   tftypes.Type
}

// newPlanFacts inspects the schema of r. The framework's plan of an
// unchanged resource differs from the proposed new state only through
// defaults, write-only attributes, plan modifiers and the resource's
// ModifyPlan; a schema is fit when every one of those is either known to
// leave an unchanged plan alone or checked on each call.
func newPlanFacts(ctx context.Context, r resource.Resource) *planFacts {
	var sresp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sresp)
	f := &planFacts{schema: sresp.Schema, attrTypes: map[string]attr.Type{}, defaults: map[string]tftypes.Value{}}
	if sresp.Diagnostics.HasError() {
		f.unfit = "its schema has errors"
		return f
	}
	f.typ = sresp.Schema.Type().TerraformType(ctx)
	if len(sresp.Schema.Blocks) > 0 {
		// Blocks bring their own plan walk (null list and set blocks
		// become empty ones); none of the provider's resources has any.
		f.unfit = "it has blocks"
		return f
	}
	f.statePassthrough = true
	for name, a := range sresp.Schema.Attributes {
		if reason := f.inspect(ctx, path.Root(name), a, true); reason != "" {
			f.unfit = reason
			return f
		}
		f.attrTypes[name] = a.GetType()
	}
	if ri, ok := r.(resource.ResourceWithIdentity); ok {
		ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &f.identitySchema)
		if f.identitySchema.Diagnostics.HasError() {
			f.unfit = "its identity schema has errors"
			return f
		}
		f.hasIdentity = true
		f.identityType = f.identitySchema.IdentitySchema.Type().TerraformType(ctx)
	}
	return f
}

// inspect checks one attribute and, for nested attributes, everything
// under it; it returns why the schema is unfit, or "".
func (f *planFacts) inspect(ctx context.Context, p path.Path, a rschema.Attribute, top bool) string {
	mods, def, nested, ok := attributeParts(a)
	if !ok {
		return fmt.Sprintf("%s is a %T, which the no-change plan does not know", p, a)
	}
	for _, m := range mods {
		if !leavesUnchangedPlanAlone(m) {
			return fmt.Sprintf("%s has the plan modifier %T, which may change a plan without changes", p, m)
		}
	}
	if a.IsWriteOnly() {
		if !top {
			return fmt.Sprintf("%s is a nested write-only attribute", p)
		}
		f.writeOnly = append(f.writeOnly, p.String())
	}
	if def != nil {
		if !top {
			return fmt.Sprintf("%s is a nested attribute with a default", p)
		}
		v, reason := defaultValue(ctx, p, def)
		if reason != "" {
			return reason
		}
		f.defaults[p.String()] = v
	}
	for name, n := range nested {
		if reason := f.inspect(ctx, p.AtName(name), n, false); reason != "" {
			return reason
		}
	}
	return ""
}

// attributeParts is an attribute's plan modifiers, its default (nil when
// it has none) and its nested attributes, for every kind of attribute the
// framework's resource schemas have but the dynamic one, whose defaults the
// framework applies by rules of their own.
func attributeParts(a rschema.Attribute) (mods []any, def any, nested map[string]rschema.Attribute, ok bool) {
	switch a := a.(type) {
	case rschema.StringAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.BoolAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.Int64Attribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.Int32Attribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.Float64Attribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.Float32Attribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.NumberAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.ListAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.SetAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.MapAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.ObjectAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), nil, true
	case rschema.SingleNestedAttribute:
		return anys(a.PlanModifiers), nonNil(a.Default), a.Attributes, true
	case rschema.ListNestedAttribute:
		return append(anys(a.PlanModifiers), anys(a.NestedObject.PlanModifiers)...), nonNil(a.Default), a.NestedObject.Attributes, true
	case rschema.SetNestedAttribute:
		return append(anys(a.PlanModifiers), anys(a.NestedObject.PlanModifiers)...), nonNil(a.Default), a.NestedObject.Attributes, true
	case rschema.MapNestedAttribute:
		return append(anys(a.PlanModifiers), anys(a.NestedObject.PlanModifiers)...), nonNil(a.Default), a.NestedObject.Attributes, true
	}
	return nil, nil, nil, false
}

func anys[T any](s []T) []any {
	out := make([]any, 0, len(s))
	for _, v := range s {
		out = append(out, v)
	}
	return out
}

// nonNil turns a nil interface of any defaults type into a plain nil.
func nonNil[T any](v T) any {
	if rv := reflect.ValueOf(v); !rv.IsValid() || (rv.Kind() == reflect.Interface || rv.Kind() == reflect.Pointer) && rv.IsNil() {
		return nil
	}
	return v
}

// leavesUnchangedPlanAlone is true for the framework's own plan modifiers
// that do nothing when an attribute's planned value is known and equals its
// state value, which is every attribute of an unchanged plan:
// UseStateForUnknown acts only on an unknown plan value, and
// RequiresReplace, RequiresReplaceIfConfigured and RequiresReplaceIf (the
// first two are built on the last) return before their condition is asked
// when the plan value equals the state value. Any other modifier, the
// provider's own included, may act on an unchanged plan.
func leavesUnchangedPlanAlone(m any) bool {
	t := reflect.TypeOf(m)
	if t == nil {
		return false
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pkg := t.PkgPath()
	if !strings.HasPrefix(pkg, "github.com/hashicorp/terraform-plugin-framework/resource/schema/") || !strings.HasSuffix(pkg, "planmodifier") {
		return false
	}
	switch t.Name() {
	case "useStateForUnknownModifier", "requiresReplaceIfModifier":
		return true
	}
	return false
}

// defaultValue is the value the framework plans for p when the
// configuration leaves it null.
func defaultValue(ctx context.Context, p path.Path, def any) (tftypes.Value, string) {
	var v attr.Value
	var failed bool
	switch d := def.(type) {
	case defaults.String:
		var resp defaults.StringResponse
		d.DefaultString(ctx, defaults.StringRequest{Path: p}, &resp)
		v, failed = resp.PlanValue, resp.Diagnostics.HasError()
	case defaults.Bool:
		var resp defaults.BoolResponse
		d.DefaultBool(ctx, defaults.BoolRequest{Path: p}, &resp)
		v, failed = resp.PlanValue, resp.Diagnostics.HasError()
	case defaults.Int64:
		var resp defaults.Int64Response
		d.DefaultInt64(ctx, defaults.Int64Request{Path: p}, &resp)
		v, failed = resp.PlanValue, resp.Diagnostics.HasError()
	default:
		return tftypes.Value{}, fmt.Sprintf("%s has a default of type %T, which the no-change plan does not know", p, def)
	}
	if failed {
		return tftypes.Value{}, fmt.Sprintf("the default of %s fails", p)
	}
	tv, err := v.ToTerraformValue(ctx)
	if err != nil {
		return tftypes.Value{}, fmt.Sprintf("the default of %s does not convert: %v", p, err)
	}
	return tv, ""
}

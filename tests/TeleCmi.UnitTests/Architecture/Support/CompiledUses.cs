using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TeleCmi.UnitTests.Architecture.Support;

/// <summary>
/// What compiled code really uses, read from the assembly rather than from <c>using</c> lines: a type used only in a
/// method body (a local, a call, a <c>new</c>) counts as much as one in a signature.
/// </summary>
public static class CompiledUses
{
    /// <summary>A type an assembly uses from another assembly.</summary>
    public sealed record ExternalType(string Assembly, string Namespace, string Name)
    {
        public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";

        public override string ToString() => $"{FullName} ({Assembly})";
    }

    /// <summary>
    /// Every type of another assembly that <paramref name="assembly"/> uses anywhere (signatures, attributes, IL): the
    /// metadata's TypeReference table, which every member reference, type spec and IL token to a foreign type goes through.
    /// </summary>
    public static IReadOnlyList<ExternalType> ExternalTypes(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        var types = new List<ExternalType>();
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            var outermost = reference;
            // A nested type's scope is its declaring type; the outermost one names the namespace and the assembly.
            while (outermost.ResolutionScope.Kind == HandleKind.TypeReference)
                outermost = metadata.GetTypeReference((TypeReferenceHandle)outermost.ResolutionScope);
            var scope = outermost.ResolutionScope.Kind == HandleKind.AssemblyReference
                ? metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)outermost.ResolutionScope).Name)
                : assembly.GetName().Name!;
            types.Add(new ExternalType(scope, metadata.GetString(outermost.Namespace), metadata.GetString(reference.Name)));
        }
        return types;
    }

    /// <summary>Every string the assembly's code loads (<c>ldstr</c>) or declares as a constant.</summary>
    public static IReadOnlyList<string> Strings(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
            strings.Add(metadata.GetUserString(handle));
        foreach (var fieldHandle in metadata.FieldDefinitions)
        {
            var constant = metadata.GetFieldDefinition(fieldHandle).GetDefaultValue();
            if (constant.IsNil) continue;
            var value = metadata.GetConstant(constant);
            if (value.TypeCode != ConstantTypeCode.String) continue;
            var blob = metadata.GetBlobReader(value.Value);
            strings.Add(blob.ReadUTF16(blob.Length));
        }
        return strings;
    }

    /// <summary>
    /// The types <paramref name="type"/> and its nested (also compiler-generated) types use: base type, interfaces,
    /// attributes, fields, signatures, locals, and every type, method and field token in their IL, with generic arguments
    /// and element types unwrapped.
    /// </summary>
    public static IReadOnlySet<Type> TypesUsedBy(Type type)
    {
        var used = new HashSet<Type>();
        foreach (var t in WithNested(type)) CollectFrom(t, used);
        return used;
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static void CollectFrom(Type type, HashSet<Type> used)
    {
        Add(type.BaseType, used);
        foreach (var i in type.GetInterfaces()) Add(i, used);
        AddAttributes(type.CustomAttributes, used);
        foreach (var field in type.GetFields(Declared)) { Add(field.FieldType, used); AddAttributes(field.CustomAttributes, used); }
        foreach (var property in type.GetProperties(Declared)) { Add(property.PropertyType, used); AddAttributes(property.CustomAttributes, used); }
        foreach (var e in type.GetEvents(Declared)) Add(e.EventHandlerType, used);
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            AddSignature(method, used);
            AddAttributes(method.CustomAttributes, used);
            var body = method.GetMethodBody();
            if (body is null) continue;
            foreach (var local in body.LocalVariables) Add(local.LocalType, used);
            foreach (var clause in body.ExceptionHandlingClauses)
                if (clause.Flags == ExceptionHandlingClauseOptions.Clause) Add(clause.CatchType, used);
            foreach (var token in MemberTokens(body.GetILAsByteArray() ?? []))
                AddMember(Resolve(type, method, token), used);
        }
    }

    private static void AddSignature(MethodBase method, HashSet<Type> used)
    {
        foreach (var p in method.GetParameters()) Add(p.ParameterType, used);
        if (method is MethodInfo info) Add(info.ReturnType, used);
        if (method.IsGenericMethod) foreach (var a in method.GetGenericArguments()) Add(a, used);
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, HashSet<Type> used)
    {
        foreach (var attribute in attributes)
        {
            Add(attribute.AttributeType, used);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                Add(argument.ArgumentType, used);
                if (argument.Value is Type typeArgument) Add(typeArgument, used);
            }
        }
    }

    private static void AddMember(MemberInfo? member, HashSet<Type> used)
    {
        switch (member)
        {
            case Type t: Add(t, used); break;
            case FieldInfo f: Add(f.DeclaringType, used); Add(f.FieldType, used); break;
            case MethodBase m: Add(m.DeclaringType, used); AddSignature(m, used); break;
        }
    }

    private static MemberInfo? Resolve(Type type, MethodBase method, int token)
    {
        try
        {
            return type.Module.ResolveMember(token,
                type.IsGenericType ? type.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return null; // e.g. a vararg signature; nothing this rule looks for
        }
    }

    private static void Add(Type? type, HashSet<Type> used)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType) { Add(type.GetElementType(), used); return; }
        if (!type.IsGenericType || type.IsGenericTypeDefinition) { used.Add(type); return; }
        // The definition and each argument: DbSet<Agent> and DbSet<RollupDay> share the first, not the second.
        used.Add(type.GetGenericTypeDefinition());
        foreach (var argument in type.GetGenericArguments()) Add(argument, used);
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The metadata tokens of the type, method and field operands of an IL stream.</summary>
    private static IEnumerable<int> MemberTokens(byte[] il)
    {
        for (var at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: at += 1; break;
                case OperandType.InlineVar: at += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: at += 8; break;
                case OperandType.InlineSwitch: at += 4 + 4 * BitConverter.ToInt32(il, at); break;
                default: at += 4; break; // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
            }
        }
    }
}

using System.Reflection;
using System.Reflection.Emit;
using TeleCmi.Api.Development;
using TeleCmi.StandIn;

namespace TeleCmi.UnitTests.Architecture;

/// <summary>
/// The API reaches the TeleCMI stand-in (src/TeleCmiStandIn) only through its Development wiring (src/Api/Development):
/// no controller, middleware or setup of the production surface uses a stand-in type. Read from the compiled API,
/// method bodies included, so a call hidden in a lambda or an async method counts too.
/// </summary>
public sealed class StandInBoundaryTests
{
    private const string StandInNamespace = "TeleCmi.StandIn";
    private static readonly string WiringNamespace = typeof(InProcessStandIn).Namespace!;
    private static readonly Assembly Api = typeof(InProcessStandIn).Assembly;

    [Test]
    public void OnlyTheDevelopmentWiring_UsesStandInTypes()
    {
        var offenders = Api.GetTypes()
            .Where(t => t.Namespace != WiringNamespace)
            .Select(t => (Type: t, Uses: StandInTypesUsedBy(t).ToList()))
            .Where(x => x.Uses.Count > 0)
            .Select(x => $"{x.Type.FullName} uses {string.Join(", ", x.Uses)}");

        Assert.That(offenders, Is.Empty, $"only {WiringNamespace} may use {StandInNamespace}");
    }

    // Guards the check above against passing because the scan finds nothing at all.
    [Test]
    public void TheScan_FindsTheWiringsOwnUseOfTheStandIn()
    {
        var used = Api.GetTypes().Where(t => t.Namespace == WiringNamespace).SelectMany(StandInTypesUsedBy).ToHashSet();

        Assert.That(used, Does.Contain(typeof(StandInHost).FullName), "InProcessStandIn builds the stand-in's host (in an async method)");
    }

    [Test]
    public void TheStandIn_CarriesNoMvcController_ThatTheApiCouldDiscover()
    {
        var controllers = typeof(StandInHost).Assembly.GetTypes().Where(t => t.Name.EndsWith("Controller", StringComparison.Ordinal));

        Assert.That(controllers, Is.Empty);
    }

    private static IEnumerable<string> StandInTypesUsedBy(Type type) =>
        TypesUsedBy(type).SelectMany(Expand).Where(t => t.Namespace?.StartsWith(StandInNamespace, StringComparison.Ordinal) == true)
            .Select(t => t.FullName ?? t.Name).Distinct();

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var f in type.GetFields(all)) yield return f.FieldType;
        foreach (var p in type.GetProperties(all)) yield return p.PropertyType;
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo m) yield return m.ReturnType;
            foreach (var p in method.GetParameters()) yield return p.ParameterType;
            foreach (var t in TypesInBody(method)) yield return t;
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    // Walks the IL and resolves every type, field, method and token operand to the types it names.
    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A token the runtime cannot resolve out of context (rare, generic); nothing of ours hides there.
                }
                if (member is Type t) yield return t;
                else if (member is not null)
                {
                    if (member.DeclaringType is not null) yield return member.DeclaringType;
                    if (member is MethodInfo { IsGenericMethod: true } generic) foreach (var a in generic.GetGenericArguments()) yield return a;
                }
            }
            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
        }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
            foreach (var t in Expand(element)) yield return t;
        if (type.IsGenericType)
            foreach (var t in type.GetGenericArguments().SelectMany(Expand)) yield return t;
    }
}

using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Binds enums in the query string and the route by the names the JSON API uses (<c>not_reachable</c>,
/// <c>call_back_later</c>, <c>telecmi</c>), case-insensitively; the framework's binder would only take
/// <c>NotReachable</c> or a number. Numbers and unknown names are refused (400 with the parameter named).
/// </summary>
public sealed class EnumQueryModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!type.IsEnum || context.BindingInfo.BindingSource is { } source && source != BindingSource.Query && source != BindingSource.Path)
            return null;
        return new EnumQueryModelBinder(type);
    }
}

internal sealed class EnumQueryModelBinder(Type enumType) : IModelBinder
{
    private readonly Dictionary<string, object> byName = Enum.GetValues(enumType).Cast<object>()
        .SelectMany(value =>
        {
            var name = value.ToString()!;
            var member = enumType.GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name;
            return new[] { name, member }.Where(n => n is not null).Select(n => (Key: Normalise(n!), Value: value));
        })
        .DistinctBy(p => p.Key)
        .ToDictionary(p => p.Key, p => p.Value);

    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text)) return Task.CompletedTask;
        if (byName.TryGetValue(Normalise(text), out var parsed)) context.Result = ModelBindingResult.Success(parsed);
        else context.ModelState.TryAddModelError(context.ModelName,
            $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not {Errors.EnumNames.OneOf(enumType)}.");
        return Task.CompletedTask;
    }

    private static string Normalise(string name) => name.Replace("_", "").Replace("-", "").Trim().ToLowerInvariant();
}

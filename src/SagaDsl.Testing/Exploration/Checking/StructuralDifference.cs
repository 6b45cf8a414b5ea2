using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace SagaDsl.Testing.Exploration.Checking;

/// <summary>
/// Compares two values member by member, public fields included, and names the first difference.
/// Comparing the encoded payloads instead would miss what a converter drops on both sides: a tuple's
/// fields encode as <c>{}</c> before and after.
/// </summary>
internal static class StructuralDifference
{
    private const int MaximumDepth = 16;

    /// <summary>Finds the first place where <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    /// <returns>A description such as <c>Item1: "a" became null</c>, or <c>null</c> when they are alike.</returns>
    public static string? Between(object? expected, object? actual) => Compare(expected, actual, string.Empty, 0);

    private static string? Compare(object? expected, object? actual, string path, int depth)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : Describe(path, expected, actual);
        }

        if (depth > MaximumDepth || IsAtomic(expected.GetType()))
        {
            return Equals(expected, actual) || AtomicText(expected) == AtomicText(actual) ? null : Describe(path, expected, actual);
        }

        if (expected is IDictionary expectedMap && actual is IDictionary actualMap)
        {
            return CompareMaps(expectedMap, actualMap, path, depth);
        }

        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            return CompareSequences(expectedItems, actualItems, path, depth);
        }

        return CompareMembers(expected, actual, path, depth);
    }

    private static string? CompareMaps(IDictionary expected, IDictionary actual, string path, int depth)
    {
        if (expected.Count != actual.Count)
        {
            return $"{Name(path)}: {expected.Count} entries became {actual.Count}";
        }

        foreach (DictionaryEntry entry in expected)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
            if (!actual.Contains(entry.Key))
            {
                return $"{Name(path)}: entry {key} was lost";
            }

            if (Compare(entry.Value, actual[entry.Key], $"{path}[{key}]", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareSequences(IEnumerable expected, IEnumerable actual, string path, int depth)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        if (left.Count != right.Count)
        {
            return $"{Name(path)}: {left.Count} items became {right.Count}";
        }

        for (var index = 0; index < left.Count; index++)
        {
            if (Compare(left[index], right[index], $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareMembers(object expected, object actual, string path, int depth)
    {
        var type = expected.GetType();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Compare(field.GetValue(expected), Read(field, actual), Join(path, field.Name), depth + 1) is { } difference)
            {
                return difference;
            }
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead || property.Name == "EqualityContract")
            {
                continue;
            }

            if (Compare(property.GetValue(expected), Read(property, actual), Join(path, property.Name), depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    // The decoded value may be of another runtime type (an array for a list); members are matched by name.
    private static object? Read(MemberInfo member, object target) => member switch
    {
        FieldInfo field when target.GetType().GetField(field.Name) is { } same => same.GetValue(target),
        PropertyInfo property when target.GetType().GetProperty(property.Name) is { } same && same.GetIndexParameters().Length == 0 => same.GetValue(target),
        _ => null,
    };

    private static bool IsAtomic(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
        || type.FullName == "System.Text.Json.JsonElement";

    private static string? AtomicText(object value) => Convert.ToString(value, CultureInfo.InvariantCulture);

    private static string Describe(string path, object? expected, object? actual) =>
        $"{Name(path)}: {Show(expected)} became {Show(actual)}";

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        _ when IsAtomic(value.GetType()) => AtomicText(value) ?? value.GetType().Name,
        _ => "a " + value.GetType().Name,
    };

    private static string Join(string path, string member) => path.Length == 0 ? member : path + "." + member;

    private static string Name(string path) => path.Length == 0 ? "the value" : path;
}

using System;
using Temporalio.Converters;

namespace SagaDsl.Testing.Exploration.Checking;

/// <summary>Sends a value through the payload converter and back, as a server between worker and workflow does.</summary>
internal static class PayloadRoundTrip
{
    /// <summary>Encodes <paramref name="value"/> and decodes it as <paramref name="type"/>.</summary>
    /// <returns>The decoded value, or why the converter refused it.</returns>
    public static (object? Value, string? Error) Through(DataConverter converter, object? value, Type type)
    {
        try
        {
            var payload = converter.PayloadConverter.ToPayload(value);
            return (converter.PayloadConverter.ToValue(payload, type), null);
        }
#pragma warning disable CA1031 // Whatever the converter throws is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Describes how <paramref name="value"/> changes on its way through the converter, or <c>null</c> when it arrives whole.</summary>
    public static string? Loss(DataConverter converter, object? value, Type? type = null)
    {
        if (value is null)
        {
            return null;
        }

        var (decoded, error) = Through(converter, value, type ?? value.GetType());
        return error ?? StructuralDifference.Between(value, decoded);
    }
}

using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator.Model;

/// <summary>A diagnostic as data: which descriptor, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, bool IsError, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor.Id, descriptor.DefaultSeverity == DiagnosticSeverity.Error, location, messageArgs.ToEquatableArray());

    public Diagnostic ToDiagnostic(Func<string, DiagnosticDescriptor> descriptors) =>
        Diagnostic.Create(descriptors(Id), Location?.ToLocation(), MessageArgs.Cast<object>().ToArray());
}

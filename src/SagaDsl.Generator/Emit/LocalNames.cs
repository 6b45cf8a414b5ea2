using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator.Emit;

/// <summary>
/// The names generated code declares next to user-chosen ones, chosen so the two never meet: the
/// saga input, which the workflow, client and search-attribute helpers take as a parameter, is
/// renamed when it would meet a name they declare or read by simple name.
/// </summary>
internal static class LocalNames
{
    /// <summary>What the generated code declares, or reads by simple name, where the saga input is a parameter.</summary>
    private static readonly string[] NextToInput =
    {
        "compensations", "deadline", "failure", "progress", "parking", "activities", "workflow", "client",
        "workflowId", "options", "start", "handle", "values", "others", "Options", "SearchAttributes",
        "Definition", "WorkflowType", "TaskQueue", "Diagram", "Status", "All", "ForStart", "Phase",
    };

    public static string ResultLocal(string step) => Literals.Camel(step) + "Result";

    public static string KeyLocal(string step) => Literals.Camel(step) + "Key";

    /// <summary>
    /// The local holding a compensation's key. Of the workflow's local families only this one and the
    /// step keys both end in <c>Key</c>: a step named like another one plus <c>Compensation</c> would
    /// meet it, so it takes the next free name then.
    /// </summary>
    public static string CompensationKeyLocal(SagaModel saga, string step) =>
        Unique(Literals.Camel(step) + "CompensationKey", saga.Steps.Select(other => KeyLocal(other.Method.Name)).ToList());

    /// <summary>The nested class of activity options, named <c>Options</c> unless a step or compensation option takes that name.</summary>
    public static string OptionsClass(SagaModel saga)
    {
        var members = saga.Steps.Select(step => step.Method.Name).ToList();
        members.AddRange(saga.Steps.Where(step => step.Compensation is not null).Select(step => CompensationOptions(saga, step.Method.Name)));
        return Unique("Options", members);
    }

    /// <summary>The options member of a step's compensation: <c>{Step}Compensation</c> unless a step has that name.</summary>
    public static string CompensationOptions(SagaModel saga, string step) =>
        Unique(step + "Compensation", saga.Steps.Select(other => other.Method.Name).ToList());

    public static string ValueLocal(string property) => Literals.Camel(property) + "Value";

    /// <summary>The saga input's parameter name in generated code: the declared one, unless generated code needs it.</summary>
    /// <param name="saga">The saga.</param>
    /// <returns>The identifier to write.</returns>
    public static string SagaInput(SagaModel saga)
    {
        var taken = new HashSet<string>(NextToInput, StringComparer.Ordinal);
        taken.Add(OptionsClass(saga));
        foreach (var step in saga.Steps)
        {
            taken.Add(ResultLocal(step.Method.Name));
            taken.Add(KeyLocal(step.Method.Name));
            taken.Add(CompensationKeyLocal(saga, step.Method.Name));
        }

        foreach (var attribute in saga.SearchAttributes)
        {
            taken.Add(attribute.Property);
            taken.Add(ValueLocal(attribute.Property));
        }

        return Identifiers.Escape(Unique(taken.Contains(saga.InputName) ? "sagaInput" : saga.InputName, taken));
    }

    /// <summary><paramref name="preferred"/>, or with the first number from 2 that makes it free.</summary>
    /// <param name="preferred">The name wanted.</param>
    /// <param name="taken">The names in use, without <c>@</c>.</param>
    /// <returns>A name not in <paramref name="taken"/>.</returns>
    public static string Unique(string preferred, ICollection<string> taken)
    {
        var name = preferred;
        for (var number = 2; taken.Contains(name); number++)
        {
            name = preferred + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}

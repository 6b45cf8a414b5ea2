using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SagaDsl.Generator.Tests.Robustness;

/// <summary>
/// Writes whole sagas from a seed whose names and types are chosen to meet the generated code:
/// identifiers from C# keywords and contextual keywords, every name the generator emits, BCL and
/// Temporal type names; namespaces that shadow <c>System</c> and <c>Temporalio</c>; payloads of every
/// shape (nested generics, nullable, tuples, interfaces, abstract types, streams, tasks); internal
/// and private accessibility; pivots, non-critical steps, compensations, search attributes, queues.
/// Where the input itself is valid C#, its own code is written with <c>global::</c> names, so what
/// fails to compile is the generator's.
/// </summary>
internal sealed class AdversarialSagas
{
    private static readonly string[] Keywords = { "event", "class", "object", "base", "this", "params", "string", "int", "namespace", "operator", "return", "default", "checked", "fixed", "in", "out", "ref", "new", "throw", "static" };

    private static readonly string[] ContextualKeywords = { "var", "value", "async", "await", "nameof", "record", "get", "set", "init", "global", "partial", "when", "dynamic", "args", "file", "required", "scoped", "yield", "select", "from", "where", "notnull", "unmanaged", "managed" };

    private static readonly string[] GeneratedNames =
    {
        "context", "options", "client", "failure", "saga", "workflow", "idempotencyKey", "input", "sagaInput", "activities",
        "compensations", "progress", "parking", "deadline", "result", "step", "reason", "start", "handle", "values", "others",
        "workflowId", "Activities", "Options", "Definition", "Diagram", "Status", "RunAsync", "RetryAsync", "SkipAsync",
        "ValidateRetry", "ValidateSkip", "TaskQueue", "WorkflowType", "SearchAttributes", "All", "Compensations", "Progress", "Saga",
        "NonCriticalFailures", "SkippedSteps", "ForStart", "Workers", "SharedWorker", "AddActivities", "CreateOptions",
    };

    private static readonly string[] TypeNames =
    {
        "Task", "Workflow", "String", "System", "Temporalio", "Action", "Func", "Exception", "Math", "Console", "Guid",
        "TimeSpan", "Activity", "ActivityOptions", "RetryPolicy", "Object", "Int32", "List", "Dictionary", "Nullable",
        "SagaDsl", "StepContext", "ISagaResult", "SagaStatus", "Type", "Attribute", "Enum", "Array", "Global",
    };

    private static readonly string[] Namespaces = { "Shop", "System.Shop", "Temporalio.Shop", "Shop.System", "Shop.Temporalio", "Shop.Task", "SagaDsl.Shop", "Workflow", string.Empty };

    private static readonly string[] QueueNames = { "orders", "payments", "class", "System", "Temporalio", "q-1", "with space", "ünïcødé" };

    private static readonly string[] SearchAttributeNames = { "OrderId", "CustomerId", "Region", "WorkflowId", "TemporalThing", "All", "Status", "ExecutionStatus", "Amount" };

    private readonly Random random;

    public AdversarialSagas(int seed) => random = new Random(seed);

    /// <summary>One saga file, with the records and interfaces it uses.</summary>
    public string Next()
    {
        var names = new NamePool(this);
        var source = new StringBuilder();
        var ns = Pick(Namespaces);
        source.AppendLine("#nullable enable");
        if (ns.Length > 0)
        {
            source.Append("namespace ").Append(ns).AppendLine(";");
        }

        var access = Chance(4) ? "internal" : "public";
        var inputType = names.Type();
        var inputProperties = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => names.Member()).ToList();
        source.Append(access).Append(" sealed record ").Append(inputType).Append('(');
        source.Append(string.Join(", ", inputProperties.Select((property, index) => SearchAttribute(index) + "string " + property)));
        source.AppendLine(");");

        var resultTypes = new List<string>();
        for (var count = random.Next(3); count >= 0; count--)
        {
            var record = names.Type();
            source.Append(Chance(3) ? "internal" : access).Append(" sealed record ").Append(record).Append("(string ").Append(names.Member()).AppendLine(");");
            resultTypes.Add("global::" + Qualified(ns, record));
        }

        var shape = names.Type();
        source.Append(access).Append(Chance(2) ? " interface " : " abstract class ").Append(shape).AppendLine(" { }");

        var sagaName = names.Type();
        source.Append("[global::SagaDsl.Saga(").Append(SagaArguments()).Append(")]");
        if (Chance(4))
        {
            source.Append("[global::SagaDsl.SagaTaskQueue(\"").Append(Pick(QueueNames)).Append("\", MaxConcurrentActivities = ").Append(random.Next(4).ToString(CultureInfo.InvariantCulture)).Append(")]");
        }

        source.AppendLine().Append(access).Append(Chance(10) ? " static" : string.Empty).Append(" partial class ").AppendLine(sagaName).AppendLine("{");
        var input = "global::" + Qualified(ns, inputType);
        var steps = 1 + random.Next(5);
        var pivot = Chance(2) ? 1 + random.Next(steps) : 0;
        var earlier = new List<(string Step, string Type)>();
        for (var order = 1; order <= steps; order++)
        {
            var step = names.Method();
            var critical = order == pivot || !Chance(4);
            var compensated = critical && (pivot == 0 || order < pivot) && Chance(2);
            var compensation = compensated ? names.Method() : null;
            var result = Chance(4) ? null : Payload(resultTypes, input, Qualified(ns, shape));
            var parameters = new List<string> { input + " " + names.Parameter() };
            if (earlier.Count > 0 && Chance(2))
            {
                var (source_, type) = earlier[random.Next(earlier.Count)];
                parameters.Add($"[global::SagaDsl.FromStep(nameof({source_}))] {type} {names.Parameter()}");
            }

            if (Chance(3))
            {
                parameters.Add("global::SagaDsl.StepContext " + names.Parameter());
            }

            if (Chance(4))
            {
                parameters.Add("global::System.Threading.CancellationToken " + names.Parameter());
            }

            source.Append("    [global::SagaDsl.SagaStep(").Append(order.ToString(CultureInfo.InvariantCulture));
            if (order == pivot)
            {
                source.Append(", Pivot = true");
            }

            if (!critical)
            {
                source.Append(", Critical = false");
            }

            if (Chance(4))
            {
                source.Append(", TaskQueue = \"").Append(Pick(QueueNames)).Append('"');
            }

            source.Append(')');
            if (compensation is not null)
            {
                source.Append(", global::SagaDsl.CompensatedBy(nameof(").Append(compensation).Append("))");
            }

            source.AppendLine("]");
            var (returns, body) = Returns(result);
            source.Append("    ").Append(MemberAccess()).Append(' ').Append(Static()).Append(returns).Append(' ').Append(step).Append('(').Append(string.Join(", ", parameters)).Append(')').AppendLine(body);
            if (compensation is not null)
            {
                source.Append("    ").Append(MemberAccess()).Append(' ').Append(Static()).Append("void ").Append(compensation).Append('(').Append(input).Append(' ').Append(names.Parameter()).Append(", global::SagaDsl.StepContext ").Append(names.Parameter()).AppendLine(") { }");
            }

            if (result is not null && critical)
            {
                earlier.Add((step, result));
            }
        }

        source.AppendLine("}");
        return source.ToString();
    }

    private string SagaArguments()
    {
        var arguments = new List<string>();
        if (Chance(3))
        {
            arguments.Add("Name = \"" + Pick(TypeNames.Concat(GeneratedNames).ToArray()) + "\"");
        }

        if (Chance(3))
        {
            arguments.Add("TaskQueue = \"" + Pick(QueueNames) + "\"");
        }

        if (Chance(4))
        {
            arguments.Add("ParallelCompensation = true");
        }

        if (Chance(5))
        {
            arguments.Add("PhaseSearchAttribute = \"" + Pick(SearchAttributeNames) + "\"");
        }

        return string.Join(", ", arguments);
    }

    private string SearchAttribute(int index) =>
        Chance(3) ? $"[property: global::SagaDsl.SearchAttribute(\"{Pick(SearchAttributeNames)}{index}\")] " : Chance(8) ? $"[property: global::SagaDsl.SearchAttribute(\"{Pick(SearchAttributeNames)}\")] " : string.Empty;

    /// <summary>A payload type: the saga's own records, framework shapes that round-trip, and shapes that do not.</summary>
    private string Payload(List<string> records, string input, string shape)
    {
        var record = records[random.Next(records.Count)];
        return random.Next(16) switch
        {
            0 => "string",
            1 => "int?",
            2 => $"global::System.Collections.Generic.List<{record}>",
            3 => $"global::System.Collections.Generic.Dictionary<string, {record}[]>",
            4 => $"global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.Dictionary<global::System.Guid, {record}?>>",
            5 => $"{record}?",
            6 => $"({record}, int)",
            7 => "global::" + shape,
            8 => "global::System.IO.Stream",
            9 => "global::System.Threading.Tasks.Task",
            10 => input,
            11 => "global::System.DateTimeOffset",
            12 => "decimal[]",
            _ => record,
        };
    }

    private (string Returns, string Body) Returns(string? result)
    {
        const string Throw = " => throw new global::System.NotSupportedException();";
        if (result is null)
        {
            return random.Next(3) switch
            {
                0 => ("void", " { }"),
                1 => ("global::System.Threading.Tasks.Task", Throw),
                _ => ("global::System.Threading.Tasks.ValueTask", " => default;"),
            };
        }

        return random.Next(3) switch
        {
            0 => (result, Throw),
            1 => ($"global::System.Threading.Tasks.Task<{result}>", Throw),
            _ => ($"global::System.Threading.Tasks.ValueTask<{result}>", Throw),
        };
    }

    private string MemberAccess() => random.Next(4) switch
    {
        0 => "private",
        1 => "internal",
        _ => "public",
    };

    private string Static() => Chance(6) ? "static " : string.Empty;

    private static string Qualified(string ns, string type) => ns.Length == 0 ? type : ns + "." + type;

    private bool Chance(int oneIn) => random.Next(oneIn) == 0;

    private string Pick(string[] items) => items[random.Next(items.Length)];

    /// <summary>Distinct identifiers per saga, written as source writes them (keywords with <c>@</c>).</summary>
    private sealed class NamePool
    {
        private readonly AdversarialSagas owner;
        private readonly HashSet<string> used = new(StringComparer.Ordinal);

        public NamePool(AdversarialSagas owner) => this.owner = owner;

        public string Type() => Take(owner.Pick(owner.Chance(2) ? TypeNames : owner.Chance(2) ? Keywords : GeneratedNames), upper: true);

        public string Member() => Take(owner.Pick(owner.Chance(3) ? ContextualKeywords : owner.Chance(3) ? Keywords : owner.Chance(2) ? GeneratedNames : TypeNames), upper: owner.Chance(2));

        public string Method() => Take(owner.Pick(owner.Chance(2) ? GeneratedNames : owner.Chance(2) ? TypeNames : ContextualKeywords), upper: owner.Chance(2));

        public string Parameter() => Take(owner.Pick(owner.Chance(3) ? Keywords : owner.Chance(2) ? ContextualKeywords : GeneratedNames), upper: false);

        private string Take(string name, bool upper)
        {
            var candidate = upper ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name;
            for (var suffix = 2; !used.Add(candidate); suffix++)
            {
                candidate = (upper ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name) + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return SyntaxFacts.GetKeywordKind(candidate) != SyntaxKind.None ? "@" + candidate : candidate;
        }
    }
}

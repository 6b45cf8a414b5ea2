using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private static void WriteResult(SourceWriter writer, SagaModel saga)
        {
            writer.Line($"/// <summary>What the {saga.ClassName} saga produced: each step's result, and the non-critical steps that failed.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} sealed class {saga.ResultClass} : {Runtime}.ISagaResult");
            foreach (var step in saga.AllSteps.Where(static step => step.Method.HasResult))
            {
                var mayBeMissing = saga.ResultMayBeMissing(step);
                var type = mayBeMissing ? Nullable(step.Method.ResultType!) : step.Method.ResultType!;
                var initializer = mayBeMissing ? string.Empty : " = default!;";
                var missing = !step.IsCritical ? ", missing when it failed"
                    : saga.RemovedSteps.Contains(step) ? ", a removed step: set only for executions of an older shape that ran it"
                    : mayBeMissing ? ", missing for executions of a shape that did not run it as a critical step"
                    : string.Empty;
                writer.Line($"/// <summary>Gets or sets the result of step {step.Method.Name}{missing}.</summary>")
                    .Line($"public {type} {step.Method.Identifier} {{ get; set; }}{initializer}")
                    .Line();
            }

            writer.Line("/// <summary>Gets or sets the failures of non-critical steps, in step order.</summary>")
                .Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.StepFailure> NonCriticalFailures {{ get; set; }} = global::System.Array.Empty<{Runtime}.StepFailure>();")
                .Line()
                .Line("/// <summary>Gets or sets the critical steps after the pivot an operator told the saga to go on without, with the reasons.</summary>")
                .Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.StepFailure> SkippedSteps {{ get; set; }} = global::System.Array.Empty<{Runtime}.StepFailure>();")
                .Close();
        }
    }
}

using System.Collections.Generic;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private const string WorkerOptions = "global::Temporalio.Worker.TemporalWorkerOptions";

        /// <summary>
        /// Stand-ins for the types generated for a saga, written while it has errors. Code that names
        /// them compiles, so the build shows the saga's SAGA errors rather than a "type not found" in
        /// every file that uses the saga (a missing type in a declaration stops the compiler before any
        /// analyzer runs). Their members throw: a build with the saga's errors produces nothing to run.
        /// </summary>
        public static IEnumerable<(string HintName, string Source)> EmitStandIns(SagaSurface saga, EmitSettings settings)
        {
            var writer = StartFile(saga.Namespace);
            writer.Line($"// {saga.ClassName} has errors (its SAGA diagnostics say which), so these types only stand in for the")
                .Line("// generated ones: code that uses the saga compiles, and the errors the build shows are the saga's.");
            var parts = new (string Suffix, System.Action<SourceWriter, SagaSurface> Write)[]
            {
                (GeneratedNames.WorkflowSuffix, WriteWorkflowStandIn),
                (GeneratedNames.ResultSuffix, WriteResultStandIn),
                (GeneratedNames.WorkerSuffix, WriteWorkerStandIn),
                (GeneratedNames.ClientSuffix, WriteClientStandIn),
                (GeneratedNames.HostingSuffix, WriteHostingStandIn),
            };
            foreach (var (suffix, write) in parts)
            {
                // A type the user declared under the generated name is theirs; the hosting registration
                // exists only where the project can host.
                if (saga.Declares(suffix) && (suffix != GeneratedNames.HostingSuffix || settings.Hosting))
                {
                    writer.Line();
                    write(writer, saga);
                }
            }

            var prefix = saga.Namespace.Length == 0 ? saga.ClassName : saga.Namespace + "." + saga.ClassName;
            yield return (prefix + ".g.cs", EndFile(writer, saga.Namespace));
        }

        private static void WriteWorkflowStandIn(SourceWriter writer, SagaSurface saga)
        {
            writer.Line($"/// <summary>Stands in for the {saga.ClassName} workflow until the saga's errors are fixed.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} sealed class {saga.WorkflowClass}")
                .Line("/// <summary>The workflow type.</summary>")
                .Line($"public const string WorkflowType = {Literals.String(saga.WorkflowType)};")
                .Line()
                .Line("/// <summary>The task queue the workflow runs on.</summary>")
                .Line($"public const string TaskQueue = {Literals.String(saga.TaskQueue)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public global::System.Threading.Tasks.Task<{saga.Qualified(saga.ResultClass)}> RunAsync({InputParameter(saga)}) => {NotGenerated(saga)};")
                .Close();
        }

        private static void WriteResultStandIn(SourceWriter writer, SagaSurface saga)
        {
            writer.Line($"/// <summary>Stands in for what the {saga.ClassName} saga produces until its errors are fixed.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} sealed class {saga.ResultClass} : {Runtime}.ISagaResult");
            foreach (var result in saga.Results)
            {
                writer.Line($"/// <summary>Gets or sets the result of step {result.Name.TrimStart('@')}.</summary>")
                    .Line($"public {result.Type} {result.Name} {{ get; set; }}{(result.Type.EndsWith("?", System.StringComparison.Ordinal) ? string.Empty : " = default!;")}")
                    .Line();
            }

            writer.Line("/// <summary>Gets or sets the failures of non-critical steps.</summary>")
                .Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.StepFailure> NonCriticalFailures {{ get; set; }} = global::System.Array.Empty<{Runtime}.StepFailure>();")
                .Line()
                .Line("/// <summary>Gets or sets the steps an operator skipped.</summary>")
                .Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.StepFailure> SkippedSteps {{ get; set; }} = global::System.Array.Empty<{Runtime}.StepFailure>();")
                .Close();
        }

        private static void WriteWorkerStandIn(SourceWriter writer, SagaSurface saga)
        {
            var sagaParameter = saga.SagaType is null ? string.Empty : $", {saga.SagaType} saga";
            writer.Line($"/// <summary>Stands in for the {saga.ClassName} saga's worker registration until its errors are fixed.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.WorkerClass}")
                .Line("/// <summary>Gets the saga's task queue.</summary>")
                .Line($"public static global::System.Collections.Generic.IReadOnlyList<string> TaskQueues {{ get; }} = new[] {{ {Literals.String(saga.TaskQueue)} }};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static global::System.Collections.Generic.IReadOnlyList<{WorkerOptions}> CreateOptions({sagaParameter.TrimStart(',', ' ')}) => {NotGenerated(saga)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static {WorkerOptions} {GeneratedNames.AddSaga(saga.ClassName)}(this {WorkerOptions} options{sagaParameter}) => {NotGenerated(saga)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static {WorkerList} {GeneratedNames.AddSaga(saga.ClassName)}(this {WorkerList} workers{sagaParameter}) => {NotGenerated(saga)};")
                .Close();
        }

        private static void WriteClientStandIn(SourceWriter writer, SagaSurface saga)
        {
            var client = "this global::Temporalio.Client.ITemporalClient client";
            var input = saga.InputType is null ? string.Empty : $"{saga.InputType} input, ";
            var workflow = saga.Qualified(saga.WorkflowClass);
            var result = saga.Qualified(saga.ResultClass);
            writer.Line($"/// <summary>Stands in for the {saga.ClassName} saga's client helper until its errors are fixed.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.ClientClass}")
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static global::System.Threading.Tasks.Task<global::Temporalio.Client.WorkflowHandle<{workflow}, {result}>> {GeneratedNames.StartSaga(saga.ClassName)}({client}, {input}string workflowId, global::Temporalio.Client.WorkflowOptions? options = null) => {NotGenerated(saga)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static global::System.Threading.Tasks.Task<{result}> {GeneratedNames.ExecuteSaga(saga.ClassName)}({client}, {input}string workflowId, global::Temporalio.Client.WorkflowOptions? options = null) => {NotGenerated(saga)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static global::System.Threading.Tasks.Task<{Runtime}.SagaStatus> {GeneratedNames.GetStatus(saga.ClassName)}({client}, string workflowId) => {NotGenerated(saga)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static global::System.Threading.Tasks.Task {GeneratedNames.RetryStep(saga.ClassName)}({client}, string workflowId, string step) => {NotGenerated(saga)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static global::System.Threading.Tasks.Task {GeneratedNames.SkipStep(saga.ClassName)}({client}, string workflowId, string step, string reason) => {NotGenerated(saga)};")
                .Close();
        }

        private static void WriteHostingStandIn(SourceWriter writer, SagaSurface saga)
        {
            writer.Line($"/// <summary>Stands in for the {saga.ClassName} saga's hosted-worker registration until its errors are fixed.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.HostingClass}")
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static {Services} {GeneratedNames.AddWorkers(saga.ClassName)}(this {Services} services, global::System.Action<{Builder}>? configure = null) => {NotGenerated(saga)};")
                .Line()
                .Line("/// <summary>Not generated while the saga has errors.</summary>")
                .Line($"public static {Builder} {GeneratedNames.AddSaga(saga.ClassName)}(this {Builder} builder) => {NotGenerated(saga)};")
                .Close();
        }

        private static string InputParameter(SagaSurface saga) => saga.InputType is null ? string.Empty : saga.InputType + " input";

        private static string NotGenerated(SagaSurface saga) =>
            $"throw new global::System.NotSupportedException({Literals.String(saga.ClassName + " has errors: fix its SAGA diagnostics to generate it.")})";
    }
}

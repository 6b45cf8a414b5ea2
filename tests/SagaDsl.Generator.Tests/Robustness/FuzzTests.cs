using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SagaDsl.Analyzers.Declarations;
using SagaDsl.Analyzers.Determinism;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SagaDsl.Generator.Tests.Robustness;

/// <summary>
/// Seeded random mutations of every saga in the suite: the generator and the analyzers never throw,
/// and wherever the input compiles and no SAGA error applies, the generated code compiles too.
/// CI runs <see cref="DefaultCount"/> inputs; <c>SAGADSL_FUZZ_COUNT</c> and <c>SAGADSL_FUZZ_SEED</c>
/// run more, or replay a failure.
/// </summary>
public class FuzzTests
{
    public const int DefaultSeed = 20261124;
    public const int DefaultCount = 600;
    public const int DefaultAdversarialCount = 300;

    private readonly ITestOutputHelper output;

    public FuzzTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task Mutated_sagas_never_crash_and_compile_wherever_they_are_valid()
    {
        var seed = Setting("SAGADSL_FUZZ_SEED", DefaultSeed);
        var count = Setting("SAGADSL_FUZZ_COUNT", DefaultCount);
        var corpora = Corpora();
        var mutator = new SagaMutator(seed);
        var random = new Random(seed);
        var validInputs = 0;

        for (var iteration = 0; iteration < count; iteration++)
        {
            var sources = corpora[iteration % corpora.Count].ToArray();
            var sagaFile = Array.FindIndex(sources, source => source.Contains("[Saga", StringComparison.Ordinal));
            for (var mutations = 1 + random.Next(3); mutations > 0; mutations--)
            {
                sources[sagaFile] = mutator.Mutate(sources[sagaFile]);
            }

            if (await CheckAsync(sources, seed, iteration))
            {
                validInputs++;
            }
        }

        output.WriteLine($"fuzz: seed {seed}, {count} inputs, {validInputs} valid sagas whose output compiled, 0 crashes");
        Assert.True(validInputs > 0, "no mutated input stayed valid: the check that generated code compiles never ran");
    }

    [Fact]
    public async Task Sagas_with_adversarial_names_and_types_get_a_SAGA_error_or_code_that_compiles_clean()
    {
        var seed = Setting("SAGADSL_FUZZ_SEED", DefaultSeed);
        var count = Setting("SAGADSL_ADVERSARIAL_COUNT", DefaultAdversarialCount);
        var sagas = new AdversarialSagas(seed);
        var outcomes = new Dictionary<AdversarialOutcome, int>();

        for (var iteration = 0; iteration < count; iteration++)
        {
            var outcome = await CheckAdversarialAsync(sagas.Next(), seed, iteration);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine($"adversarial fuzz: seed {seed}, {count} inputs: " + string.Join(", ", outcomes.OrderBy(pair => pair.Key).Select(pair => $"{pair.Value} {pair.Key}")) + "; 0 crashes, 0 problems in generated code");
        Assert.True(outcomes.GetValueOrDefault(AdversarialOutcome.Generated) >= count / 10, "too few adversarial sagas were valid for the compile check to mean anything");
        Assert.True(outcomes.GetValueOrDefault(AdversarialOutcome.StandIns) > 0, "no adversarial saga had a SAGA error: the stand-ins were never compiled");
    }

    /// <summary>
    /// Whatever the input, generated code holds no error and no warning; a saga with no SAGA error in
    /// input that compiles gets its workflow, and the output compiles with no error at all.
    /// </summary>
    private static async Task<AdversarialOutcome> CheckAdversarialAsync(string source, int seed, int iteration)
    {
        var sources = new[] { source };
        var run = GeneratorRun.Run(sources);
        var crash = run.Result.Results.Select(result => result.Exception).FirstOrDefault(exception => exception is not null);
        if (crash is not null || run.GeneratorDiagnostics.Any(diagnostic => diagnostic.Id == "CS8785"))
        {
            throw Failure(seed, iteration, sources, "the generator threw: " + crash, "adversarial");
        }

        IReadOnlyList<Diagnostic> reported;
        try
        {
            reported = await run.AnalyzeAsync(new SagaDeclarationAnalyzer(), new SagaDsl.Analyzers.Payloads.PayloadAnalyzer());
        }
        catch (InvalidOperationException exception)
        {
            throw Failure(seed, iteration, sources, "an analyzer threw: " + exception.InnerException, "adversarial");
        }

        var inGenerated = run.ProblemsInGeneratedCode;
        if (inGenerated.Count > 0)
        {
            throw Failure(seed, iteration, sources, "the generated code has problems of its own:\n" + string.Join("\n", inGenerated.Take(5)), "adversarial");
        }

        var inputCompiles = !run.Input.GetDiagnostics().Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        var sagaErrors = reported.Concat(run.GeneratorDiagnostics).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.Id).ToList();
        if (!inputCompiles)
        {
            return AdversarialOutcome.InvalidCSharp;
        }

        if (sagaErrors.Any(id => id != "SAGA025"))
        {
            return AdversarialOutcome.StandIns;
        }

        var outputErrors = run.Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (outputErrors.Count > 0 || !run.Sources.Any(generated => generated.Text.Contains("[global::Temporalio.Workflows.Workflow(", StringComparison.Ordinal)))
        {
            throw Failure(seed, iteration, sources, "valid input, but no workflow or an output that does not compile:\n" + string.Join("\n", outputErrors.Take(5)), "adversarial");
        }

        return sagaErrors.Count > 0 ? AdversarialOutcome.GeneratedWithPayloadError : AdversarialOutcome.Generated;
    }

    /// <summary>Returns whether the input was a valid saga whose generated code was compiled.</summary>
    private static async Task<bool> CheckAsync(string[] sources, int seed, int iteration)
    {
        var run = GeneratorRun.Run(sources);
        var crash = run.Result.Results.Select(result => result.Exception).FirstOrDefault(exception => exception is not null);
        if (crash is not null || run.GeneratorDiagnostics.Any(diagnostic => diagnostic.Id == "CS8785"))
        {
            throw Failure(seed, iteration, sources, "the generator threw: " + crash);
        }

        IReadOnlyList<Diagnostic> reported;
        try
        {
            reported = await run.AnalyzeAsync(new SagaDeclarationAnalyzer(), new WorkflowDeterminismAnalyzer());
        }
        catch (InvalidOperationException exception)
        {
            throw Failure(seed, iteration, sources, "an analyzer threw: " + exception.InnerException);
        }

        // Whatever the mutation broke, the generated code (the workflow or the stand-ins) adds nothing of its own.
        var inGenerated = run.ProblemsInGeneratedCode;
        if (inGenerated.Count > 0)
        {
            throw Failure(seed, iteration, sources, "the generated code has problems of its own:\n" + string.Join("\n", inGenerated.Take(5)));
        }

        var inputCompiles = !run.Input.GetDiagnostics().Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        var sagaErrors = reported.Concat(run.GeneratorDiagnostics).Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        if (!inputCompiles || sagaErrors || run.Sources.Count == 0)
        {
            return false;
        }

        var outputErrors = run.Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (outputErrors.Count > 0)
        {
            throw Failure(seed, iteration, sources, "valid input, but the generated code does not compile:\n" + string.Join("\n", outputErrors.Take(5)));
        }

        return true;
    }

    private static List<string[]> Corpora() => new()
    {
        SampleSources.OrderSaga(),
        new[] { FeatureGenerationTests.ParallelSaga },
        new[] { FeatureGenerationTests.PivotSaga },
        new[] { FeatureGenerationTests.NonCriticalSaga },
        new[] { FeatureGenerationTests.OptionsSaga },
        new[] { FeatureGenerationTests.BindingSaga },
        new[] { FeatureGenerationTests.SearchSaga },
        new[] { FeatureGenerationTests.StaticSaga },
    };

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static XunitException Failure(int seed, int iteration, string[] sources, string what, string kind = "mutated") =>
        new($"Fuzz input {iteration}, {kind} (seed {seed}; replay with SAGADSL_FUZZ_SEED={seed}): {what}\n--- saga source ---\n{sources.First(source => source.Contains("[Saga", StringComparison.Ordinal) || source.Contains("SagaDsl.Saga(", StringComparison.Ordinal))}");

    private enum AdversarialOutcome
    {
        Generated,
        GeneratedWithPayloadError,
        StandIns,
        InvalidCSharp,
    }
}

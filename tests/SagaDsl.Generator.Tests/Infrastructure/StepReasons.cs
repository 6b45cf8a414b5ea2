using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Why each step of the pipeline ran on a second run, one value per step, so a test states per kind of
/// edit what must be served from the cache and what must run again, and a failure prints both rows.
/// A step whose outputs ran for several reasons reads as the reasons joined, in the enum's order
/// (<c>New, Unchanged, Modified, Cached, Removed</c>).
/// </summary>
internal sealed record StepReasons(string Parse, string Sagas, string Versions, string Identities, string Settings, string Sources)
{
    private const string Cached = nameof(IncrementalStepRunReason.Cached);
    private const string Unchanged = nameof(IncrementalStepRunReason.Unchanged);
    private const string Modified = nameof(IncrementalStepRunReason.Modified);

    // The flags read from the compilation run again on any edit and find the same values; those read from
    // the options and the shipped-shapes file are served from the cache unless that file changed.
    private const string FlagsAsBefore = Unchanged + "," + Cached;

    /// <summary>
    /// A file without a saga changed. Every saga is parsed again all the same: the attribute provider runs
    /// its transform again whenever the compilation changes, as the symbols it was given may have changed.
    /// What the parse returns is equal, so nothing after it runs.
    /// </summary>
    public static StepReasons UnrelatedFileEdited { get; } = new(Unchanged, Cached, Cached, Cached, FlagsAsBefore, Cached);

    /// <summary>A saga's file changed where its model does not (a step's body): the same as any other file.</summary>
    public static StepReasons SagaBodyEdited { get; } = UnrelatedFileEdited;

    /// <summary>A saga's declaration changed (a step's option): its model, plan and file change; its identity does not.</summary>
    public static StepReasons SagaDeclarationEdited { get; } = new(Modified, Modified, Modified, Cached, FlagsAsBefore, Modified + "," + Cached);

    /// <summary>The shipped-shapes file changed: the sagas are not parsed again, only planned again, and emitted again.</summary>
    public static StepReasons ShippedShapesEdited { get; } = new(Cached, Cached, Modified, Cached, Modified + "," + Cached, Modified + "," + Cached);

    public static StepReasons Of(GeneratorRun run)
    {
        var result = run.Result.Results.Single();
        string Of(params string[] steps) => Join(steps.SelectMany(step => result.TrackedSteps[step]).SelectMany(step => step.Outputs).Select(output => output.Reason));
        return new StepReasons(
            Of(TrackingNames.Parse),
            Of(TrackingNames.Sagas),
            Of(TrackingNames.Versions),
            Of(TrackingNames.Identities),
            Of(TrackingNames.Hosting, TrackingNames.DiagramFiles, TrackingNames.LanguageVersion, TrackingNames.ShippedShapes),
            Join(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason)));
    }

    private static string Join(System.Collections.Generic.IEnumerable<IncrementalStepRunReason> reasons) =>
        string.Join(",", reasons.Distinct().Order().Select(reason => reason.ToString()));
}

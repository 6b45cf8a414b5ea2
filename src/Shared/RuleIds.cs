namespace SagaDsl.Diagnostics;

/// <summary>
/// The id of every SagaDsl rule, as constants: the catalogues declare their descriptors with them and
/// the code fixes name the rules they fix with them, so an id is written once.
/// </summary>
internal static class RuleIds
{
    // The saga DSL rules (SAGA0xx), declared in SagaDiagnostics.
    public const string SagaMustBePartial = "SAGA001";
    public const string UnsupportedSagaShape = "SAGA002";
    public const string NoSteps = "SAGA003";
    public const string InvalidStepOrder = "SAGA004";
    public const string CompensationNotFound = "SAGA005";
    public const string CompensationAmbiguous = "SAGA006";
    public const string ParameterUnbound = "SAGA007";
    public const string ParameterAmbiguous = "SAGA008";
    public const string UnsupportedParameter = "SAGA009";
    public const string UnsupportedMethod = "SAGA010";
    public const string MultiplePivots = "SAGA011";
    public const string CompensationAtOrAfterPivot = "SAGA012";
    public const string InvalidOption = "SAGA013";
    public const string NonCriticalMisuse = "SAGA014";
    public const string InvalidFromStep = "SAGA015";
    public const string InvalidSearchAttribute = "SAGA016";
    public const string InputAmbiguous = "SAGA017";
    public const string DuplicateWorkflowType = "SAGA018";
    public const string CompensationIsStep = "SAGA019";
    public const string GeneratedNameTaken = "SAGA020";
    public const string LanguageVersionTooOld = "SAGA021";
    public const string CompensationNeedsStepResult = "SAGA022";
    public const string DuplicateStepName = "SAGA023";
    public const string CompensatedByWithoutStep = "SAGA024";
    public const string PayloadDoesNotRoundTrip = "SAGA025";
    public const string StepOutsideSaga = "SAGA026";
    public const string HeartbeatWithoutTimeout = "SAGA027";
    public const string ShapeNotRecorded = "SAGA028";
    public const string SagaNotRecorded = "SAGA029";
    public const string ShapesFileUnreadable = "SAGA030";
    public const string ShapeCannotRun = "SAGA031";
    public const string RemovedStepUnused = "SAGA032";
    public const string TwoCompensations = "SAGA033";

    // The workflow determinism rules (SAGA1xx), declared in DeterminismDiagnostics.
    public const string WallClock = "SAGA101";
    public const string Randomness = "SAGA102";
    public const string ThreadPool = "SAGA103";
    public const string SystemTimer = "SAGA104";
    public const string TaskCombinator = "SAGA105";
    public const string ConfigureAwaitFalse = "SAGA106";
    public const string TimeoutCancellation = "SAGA107";
    public const string ThreadSynchronization = "SAGA108";
    public const string BlockingWait = "SAGA109";
    public const string AsyncVoid = "SAGA110";
    public const string OutsideWorld = "SAGA111";
    public const string MutableStatic = "SAGA112";

    // The workflow shape rules (SAGA2xx), declared in WorkflowShapeDiagnostics.
    public const string RunMethod = "SAGA201";
    public const string Handler = "SAGA202";
    public const string CancellationTokenParameter = "SAGA203";
    public const string EndlessLoop = "SAGA204";
}

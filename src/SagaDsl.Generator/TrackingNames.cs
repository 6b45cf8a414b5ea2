namespace SagaDsl.Generator;

/// <summary>Names of the pipeline steps, so tests can check each one ran from cache.</summary>
internal static class TrackingNames
{
    public const string Parse = "SagaDsl.Parse";
    public const string Sagas = "SagaDsl.Sagas";
    public const string StandIns = "SagaDsl.StandIns";
    public const string Identities = "SagaDsl.Identities";
    public const string Hosting = "SagaDsl.Hosting";
    public const string DiagramFiles = "SagaDsl.DiagramFiles";
    public const string LanguageVersion = "SagaDsl.LanguageVersion";
    public const string ShippedShapes = "SagaDsl.ShippedShapes";
    public const string Versions = "SagaDsl.Versions";
}

namespace SagaDsl.Generator.Model;

/// <summary>What the consuming project asks for beyond the saga itself.</summary>
/// <param name="Hosting">Whether the project references Temporalio.Extensions.Hosting: hosted-worker registration is generated.</param>
/// <param name="DiagramFiles">Whether the project set <c>SagaDslDiagramsPath</c>: a Markdown diagram is generated per saga.</param>
internal sealed record EmitSettings(bool Hosting, bool DiagramFiles);

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>How a status column is stored.</summary>
internal static class ExperimentStatusColumns
{
    /// <summary>As its folder namespace (<c>submitted</c>), readable by anyone who looks at the database.</summary>
    public static PropertyBuilder<TStatus> AsStatusName<TStatus>(this PropertyBuilder<TStatus> property) =>
        property.HasConversion<ExperimentStatusConverter>().HasMaxLength(16);
}

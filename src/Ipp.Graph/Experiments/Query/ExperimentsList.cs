using System.Linq.Expressions;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tags;

namespace Ipp.Graph.Experiments.Query;

/// <summary>
/// The <c>experiments</c> list: filtered by <c>ExperimentFilterInput</c> (tags through a <see cref="TagListFilter{TRow, TLink}"/>), sorted by <c>ExperimentSortInput</c>,
/// newest first (<c>createdAt</c> then id, both descending) without <c>order</c>, pages sized by
/// <see cref="ExperimentsPagingOptions"/>.
/// </summary>
internal static class ExperimentsList
{
    /// <summary>The <c>tags</c> filter (declared before <see cref="Definition"/>, which reads it).</summary>
    private static readonly TagListFilter<Experiment, ExperimentTag> Tags = new(nameof(Experiment.Tags), nameof(ExperimentTag.ExperimentId), nameof(ExperimentTag.TagId));

    public static readonly ListDefinition<Experiment> Definition = new()
    {
        Name = "experiments",
        Filters = new Dictionary<string, ListFilterField<Experiment>>(StringComparer.Ordinal)
        {
            ["name"] = (filter, operations, depth) => filter.Text(Property(nameof(Experiment.Name)), operations, depth),
            ["description"] = (filter, operations, depth) => filter.Text(Property(nameof(Experiment.Description)), operations, depth, nullable: true),
            ["applicationKey"] = (filter, operations, depth) => filter.Text(Property(nameof(Experiment.ApplicationKey)), operations, depth),
            ["status"] = (filter, operations, depth) =>
                filter.Values(Property(nameof(Experiment.Status)), operations, depth, "ExperimentStatusOperationFilterInput", value => (ExperimentStatus)value),
            ["createdAt"] = (filter, operations, depth) => filter.Instant(Property(nameof(Experiment.CreatedAt)), operations, depth),
            ["statusChangedAt"] = (filter, operations, depth) => filter.Instant(Property(nameof(Experiment.StatusChangedAt)), operations, depth),
            ["tags"] = Tags.Build,
        },
        SortKeys =
        [
            ListSortKey<Experiment>.Text("name", e => e.Name),
            ListSortKey<Experiment>.Text("applicationKey", e => e.ApplicationKey),
            ListSortKey<Experiment>.Rank("status", StatusRank()),
            ListSortKey<Experiment>.Instant("createdAt", e => e.CreatedAt),
            ListSortKey<Experiment>.Instant("statusChangedAt", e => e.StatusChangedAt),
        ],
        Id = e => e.Id,
        DefaultOrder = ("createdAt", true),
        PageSizes = ListPageSizes.Of<ExperimentsPagingOptions>,
        BindFilter = Tags.Bind,
    };

    private static MemberExpression Property(string name) => ListFilter<Experiment>.Property(name);

    /// <summary>
    /// The lifecycle's order, not the stored text's: EDITING &lt; SUBMITTED &lt; RUNNING &lt; COMPLETED &lt; FAILED,
    /// a CASE expression in SQL.
    /// </summary>
    private static Expression<Func<Experiment, int>> StatusRank()
    {
        var experiment = Expression.Parameter(typeof(Experiment), "e");
        var status = Expression.Property(experiment, nameof(Experiment.Status));
        Expression rank = Expression.Constant(0);
        var namespaces = ExperimentStatusNames.Namespaces;
        for (var i = namespaces.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(status, Expression.Constant(namespaces[i])), Expression.Constant(i + 1), rank);
        }

        return Expression.Lambda<Func<Experiment, int>>(rank, experiment);
    }
}

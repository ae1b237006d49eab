using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Units;

namespace NhiemVu.Data.Configurations;

internal sealed class DirectiveDocumentConfiguration : IEntityTypeConfiguration<DirectiveDocument>
{
    public void Configure(EntityTypeBuilder<DirectiveDocument> b)
    {
        b.ToTable("directive_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.NumberAndSymbol).HasMaxLength(DirectiveDocument.MaxNumberAndSymbolLength);
        b.Property(x => x.Summary).HasMaxLength(DirectiveDocument.MaxSummaryLength);
        b.Property(x => x.SignerName).HasMaxLength(DirectiveDocument.MaxSignerLength);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Field>().WithMany().HasForeignKey(x => x.FieldId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.IssueDate);
        b.HasIndex(x => x.NumberAndSymbol);
        b.HasIndex(x => x.DirectingLeaderId);
    }
}

internal sealed class DirectiveTaskConfiguration : IEntityTypeConfiguration<DirectiveTask>
{
    public void Configure(EntityTypeBuilder<DirectiveTask> b)
    {
        b.ToTable("directive_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Content).HasMaxLength(DirectiveTask.MaxContentLength);
        b.Property(x => x.NoDeadlineReason).HasMaxLength(DirectiveTask.MaxNoDeadlineReasonLength);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property<string>(WorkflowColumns.SearchText).HasMaxLength(8000).HasDefaultValue("");
        b.HasOne<DirectiveDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Field>().WithMany().HasForeignKey(x => x.FieldId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.CooperatingUnits).WithOne().HasForeignKey(x => x.DirectiveTaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.CooperatingUnits).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => x.DocumentId);
        b.HasIndex(x => x.DirectingLeaderId);
        b.HasIndex(x => x.FieldId);
    }
}

internal sealed class TaskCooperatingUnitConfiguration : IEntityTypeConfiguration<TaskCooperatingUnit>
{
    public void Configure(EntityTypeBuilder<TaskCooperatingUnit> b)
    {
        b.ToTable("task_cooperating_units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.DirectiveTaskId, x.UnitId }).IsUnique();
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.LastProgressText).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.Explanation).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property<DateOnly?>(WorkflowColumns.SubmittedLocalDate);
        b.Property<ListClass?>(WorkflowColumns.ListClass);
        b.Property<bool>(WorkflowColumns.Returned);
        b.Property<DateOnly>(WorkflowColumns.DueOrder);
        b.Property<Guid?>(WorkflowColumns.FieldId);
        b.Property<Guid>(WorkflowColumns.DirectingLeaderId);
        b.HasOne<DirectiveTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Reports).WithOne().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Requests).WithOne().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Reports).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Requests).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The inbox (a unit's open work by state), deadline lists, a task's assignments.
        // The inbox counts read only this index (LeadUnitId, open states → deadline, flags, and the
        // three times stale progress is judged on): an index-only scan on both databases instead of
        // one heap page per open assignment.
        b.HasIndex(nameof(Assignment.LeadUnitId), nameof(Assignment.State), nameof(Assignment.Deadline),
            nameof(Assignment.AwaitingReassignment), WorkflowColumns.Returned,
            nameof(Assignment.LastProgressAtUtc), nameof(Assignment.ReceivedAtUtc), nameof(Assignment.AssignedAtUtc));
        // The inbox's "returned" count: the few returned assignments of a unit (Returned is a flag of some in-progress
        // rows), an index range instead of a walk of all the unit's open ones in the index above. Partial, so small.
        b.HasIndex(nameof(Assignment.LeadUnitId), nameof(Assignment.State)).HasDatabaseName("IX_assignments_returned")
            .HasFilter("\"" + WorkflowColumns.Returned + "\"");
        b.HasIndex(x => new { x.State, x.Deadline });
        b.HasIndex(x => x.Deadline);
        b.HasIndex(x => x.TaskId);
        // The lists: each filter the office and units use, then the lists' order (deadline first,
        // none last, then assignment time), so a page of 25 reads 25 index entries, not the whole set.
        b.HasIndex("LeadUnitId", WorkflowColumns.DueOrder, nameof(Assignment.AssignedAtUtc));
        b.HasIndex("LeadUnitId", WorkflowColumns.ListClass, WorkflowColumns.DueOrder, nameof(Assignment.AssignedAtUtc));
        b.HasIndex(WorkflowColumns.FieldId, WorkflowColumns.ListClass, WorkflowColumns.DueOrder, nameof(Assignment.AssignedAtUtc));
        b.HasIndex(WorkflowColumns.DirectingLeaderId, WorkflowColumns.ListClass, WorkflowColumns.DueOrder, nameof(Assignment.AssignedAtUtc));
        b.HasIndex(WorkflowColumns.ListClass, WorkflowColumns.DueOrder, nameof(Assignment.AssignedAtUtc));
        b.HasIndex(WorkflowColumns.DueOrder, nameof(Assignment.AssignedAtUtc));
    }
}

internal sealed class RecurrencePeriodConfiguration : IEntityTypeConfiguration<RecurrencePeriod>
{
    public void Configure(EntityTypeBuilder<RecurrencePeriod> b)
    {
        b.ToTable("recurrence_periods");
        b.HasKey(x => new { x.TaskId, x.Period });
        b.HasOne<DirectiveTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentEventConfiguration : IEntityTypeConfiguration<AssignmentEvent>
{
    public void Configure(EntityTypeBuilder<AssignmentEvent> b)
    {
        b.ToTable("assignment_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.OverrideReason).HasMaxLength(Assignment.MaxTextLength);
        // The replay order; unique so two writers can never both append sequence N.
        b.HasIndex(x => new { x.AssignmentId, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.LeadUnitId, x.AtUtc });
        b.HasIndex(x => x.AtUtc);
    }
}

internal sealed class AssignmentReportConfiguration : IEntityTypeConfiguration<AssignmentReport>
{
    public void Configure(EntityTypeBuilder<AssignmentReport> b)
    {
        b.ToTable("assignment_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.IdempotencyKey).HasMaxLength(AssignmentReport.MaxKeyLength);
        b.Property(x => x.Name).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.NumberAndSymbol).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.Summary).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.SignerName).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.ReviewReason).HasMaxLength(Assignment.MaxTextLength);
        b.HasIndex(x => new { x.AssignmentId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.Status, x.SubmittedAtUtc });
    }
}

internal sealed class AssignmentRequestConfiguration : IEntityTypeConfiguration<AssignmentRequest>
{
    public void Configure(EntityTypeBuilder<AssignmentRequest> b)
    {
        b.ToTable("assignment_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.DecisionNote).HasMaxLength(Assignment.MaxTextLength);
        b.Property(x => x.OverrideReason).HasMaxLength(Assignment.MaxTextLength);
        b.HasIndex(x => x.AssignmentId);
        b.HasIndex(x => new { x.Status, x.Kind, x.RequestedAtUtc });
    }
}

internal sealed class AssignmentContributionConfiguration : IEntityTypeConfiguration<AssignmentContribution>
{
    public void Configure(EntityTypeBuilder<AssignmentContribution> b)
    {
        b.ToTable("assignment_contributions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(Assignment.MaxTextLength);
        b.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AssignmentId, x.AtUtc });
    }
}

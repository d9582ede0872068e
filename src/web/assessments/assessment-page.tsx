import '#web/i18n/movement/index.ts';
import { useNavigate, useParams } from 'react-router';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { useAssessment, useRound } from './queries.ts';

/** A new assessment in a round (`/assessments/rounds/:roundId/new`). */
export function NewAssessmentPage() {
  const { roundId } = useParams();
  const navigate = useNavigate();
  const round = useRound(roundId);
  if (round.isPending) return <PageLoader />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => round.refetch()} />;
  return <AssessmentForm round={round.data} assessment={null} onDone={(id) => navigate(id ? `/assessments/${id}` : `/assessments/rounds/${round.data.id}`)} />;
}

/** An assessment, editable while its round is open (`/assessments/:id`). */
export function AssessmentPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const assessment = useAssessment(id);
  const round = useRound(assessment.data?.round.id);
  if (assessment.isError) return <ErrorState error={assessment.error} onRetry={() => assessment.refetch()} />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => round.refetch()} />;
  if (!assessment.data || !round.data) return <PageLoader />;
  return (
    <AssessmentForm
      key={assessment.data.version}
      round={round.data}
      assessment={assessment.data}
      onDone={() => navigate(`/assessments/rounds/${round.data.id}`)}
    />
  );
}

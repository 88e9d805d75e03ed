// Plain-language hints while a run trains, from its loss curves: a loss that explodes or rises means the learning
// speed is too high; validation loss rising while training loss falls means the model has started to memorise.
export interface Point {
  step: number;
  loss: number;
}

export interface Hint {
  kind: 'diverging' | 'overfitting';
  text: string;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function trainingHints(train: readonly Point[], val: readonly Point[]): Hint[] {
  const hints: Hint[] = [];
  const losses = train.map((p) => p.loss);
  const third = Math.max(1, Math.floor(losses.length / 3));
  if (losses.some((l) => !Number.isFinite(l)) || (losses.length >= 9 && mean(losses.slice(-third)) > mean(losses.slice(0, third)) * 1.2)) {
    hints.push({
      kind: 'diverging',
      text: 'The loss is rising instead of falling (or is no longer a number): the learning speed is probably too high. Stop, lower the learning rate (for example halve it) and start again.',
    });
  }
  if (val.length >= 3) {
    const [a, b, c] = val.slice(-3).map((p) => p.loss) as [number, number, number];
    const trainFalling = losses.length >= 2 && losses.at(-1)! < losses[Math.floor(losses.length / 2)]!;
    if (c > b && b > a && trainFalling) {
      hints.push({
        kind: 'overfitting',
        text: 'The validation loss is rising while the training loss falls: the model is starting to memorise its examples. Stopping now is wise; the best checkpoint so far is kept.',
      });
    }
  }
  return hints;
}

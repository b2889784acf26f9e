interface CheckGroupProps<T extends string> {
  legend: string;
  options: readonly T[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
}

/** A row of checkboxes; none checked means "any". */
export function CheckGroup<T extends string>({ legend, options, chosen, onChange }: CheckGroupProps<T>) {
  const toggle = (option: T) =>
    onChange(chosen.includes(option) ? chosen.filter((o) => o !== option) : [...chosen, option]);
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input type="checkbox" checked={chosen.includes(option)} onChange={() => toggle(option)} />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

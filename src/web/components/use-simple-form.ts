import { useCallback, useState, type FormEvent } from "react";

type TErrors<T> = Partial<Record<keyof T, string>>;

/**
 * A minimal controlled form: string values, a validate function returning translated
 * messages, and validation again on every change once the user has tried to submit.
 */
export function useSimpleForm<T extends Record<string, string>>(initial: T, validate: (values: T) => TErrors<T>) {
  const [initialValues] = useState<T>(initial);
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<TErrors<T>>({});
  const [submitted, setSubmitted] = useState(false);

  const setValue = useCallback(
    (key: keyof T, value: string) => {
      setValues((previous) => {
        const next = { ...previous, [key]: value };
        if (submitted) setErrors(validate(next));
        return next;
      });
    },
    [submitted, validate],
  );

  const handleSubmit = (onValid: (values: T) => void) => (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(values);
    setErrors(found);
    if (Object.values(found).every((message) => !message)) onValid(values);
  };

  const reset = useCallback(
    (next?: T) => {
      setValues(next ?? initialValues);
      setErrors({});
      setSubmitted(false);
    },
    [initialValues],
  );

  /** Props for a Mantine TextInput / PasswordInput bound to one field. */
  const input = (key: keyof T) => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => setValue(key, event.currentTarget.value),
  });

  return { values, errors, setValue, handleSubmit, reset, input };
}

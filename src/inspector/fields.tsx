/**
 * The page's form controls, each with its visible label beside it (`<label for>`: a label that
 * wrapped a `<select>` would read its options into the select's name).
 */
import { useId } from 'preact/hooks'

/** An option of a `Choice`: its value, and its text when that differs. */
export type Option = string | { readonly value: string; readonly label: string }

/** A labelled `<select>`. */
export function Choice(props: {
  label: string
  value: string
  onChange: (value: string) => void
  options: readonly Option[]
  disabled?: boolean
}) {
  const id = useId()
  return (
    <span class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled === true}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.options.map((option) => {
          const { value, label } =
            typeof option === 'string' ? { value: option, label: option } : option
          return (
            <option key={value} value={value}>
              {label}
            </option>
          )
        })}
      </select>
    </span>
  )
}

/** A labelled `<input>`: a number (`min`, `max`) or a password. */
export function Field(props: {
  label: string
  value: string
  onChange: (value: string) => void
  type: 'number' | 'password'
  min?: number
  max?: number
  required?: boolean
  placeholder?: string
}) {
  const { label, onChange, ...input } = props
  const id = useId()
  return (
    <span class="field">
      <label for={id}>{label}</label>
      <input
        {...input}
        id={id}
        autoComplete="off"
        onInput={(event) => onChange(event.currentTarget.value)}
      />
    </span>
  )
}

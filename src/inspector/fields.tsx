/** The page's form controls, each with its visible label: every choice and every field. */

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
  return (
    <label>
      {props.label}
      <select
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
    </label>
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
  return (
    <label>
      {label}
      <input
        {...input}
        autoComplete="off"
        onInput={(event) => onChange(event.currentTarget.value)}
      />
    </label>
  )
}

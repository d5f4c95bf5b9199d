# bash completion for sheaf(1). Installed as share/bash-completion/completions/sheaf.
# Formats come from the sheaf being completed (--list-input-formats/--list-output-formats), so
# they follow the converter table; options come from `sheaf --help`.

_sheaf_formats() {
  # $1: input or output. First column of the table, header line skipped.
  "$2" --list-"$1"-formats 2>/dev/null | awk 'NR > 1 { print $1 }'
}

_sheaf() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
  fi
  local sheaf=${COMP_WORDS[0]}

  case $prev in
    -f|--from)
      COMPREPLY=($(compgen -W "$(_sheaf_formats input "$sheaf")" -- "$cur"))
      return ;;
    -t|--to)
      COMPREPLY=($(compgen -W "$(_sheaf_formats output "$sheaf")" -- "$cur"))
      return ;;
    --no-clean)
      COMPREPLY=($(compgen -W "hidden navigation share comments related ads notices page_furniture link_rail lazy_images tracking_pixels zoom_icons empty_elements wrappers br_runs duplicate_title timestamp_comments lead_figure all" -- "$cur"))
      return ;;
    --drop)
      return ;;
    --wrap)
      COMPREPLY=($(compgen -W "none auto preserve" -- "$cur"))
      return ;;
    --links)
      COMPREPLY=($(compgen -W "inline references none" -- "$cur"))
      return ;;
    --diagnostics)
      COMPREPLY=($(compgen -W "gnu json" -- "$cur"))
      return ;;
    --group-by)
      COMPREPLY=($(compgen -W "month year category tag author" -- "$cur"))
      return ;;
    --output-dir|--input-root|--resource-path|--site-root|--cache-dir)
      COMPREPLY=($(compgen -d -- "$cur"))
      return ;;
    -o|--output|--files-from|--metadata-file|--css|--cover|--epub-cover-image|--defaults)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    -d)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    -M|--metadata|-j|--jobs|--columns|--max-depth|--max-input-size|--toc-depth|--input-encoding|--fetch-timeout|--max-image-size|--max-image-pixels|--max-images)
      return ;;
  esac

  if [[ $cur == -* ]]; then
    local options
    options=$("$sheaf" --help 2>/dev/null | grep -oE -- '--[a-z0-9-]+' | sort -u)
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _sheaf sheaf
